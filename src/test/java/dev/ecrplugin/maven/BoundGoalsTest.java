package dev.ecrplugin.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;

/** {@link BoundGoals#goalNamesFrom}: the goals of this plugin's executions, as the POM lists them. */
class BoundGoalsTest {

    /** Every bound goal: from no execution in particular. */
    private static List<String> allGoals(List<Plugin> build, String groupId, String artifactId) {
        return BoundGoals.goalNamesFrom(build, groupId, artifactId, null, null);
    }

    private static final String GROUP = "dev.ecrplugin";
    private static final String ARTIFACT = "ecr-maven-plugin";

    private static PluginExecution execution(String id, String phase, String... goals) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setPhase(phase);
        for (String goal : goals) {
            execution.addGoal(goal);
        }
        return execution;
    }

    private static Plugin plugin(String groupId, String artifactId, PluginExecution... executions) {
        Plugin plugin = new Plugin();
        if (groupId != null) {
            plugin.setGroupId(groupId);
        }
        plugin.setArtifactId(artifactId);
        for (PluginExecution execution : executions) {
            plugin.addExecution(execution);
        }
        return plugin;
    }

    @Test
    void goalsOfEveryExecutionInPomOrderWithoutReadingPhaseOrGoal() {
        List<Plugin> build = List.of(
                plugin("org.apache.maven.plugins", "maven-jar-plugin", execution("jar", "package", "jar")),
                plugin(GROUP, ARTIFACT,
                        execution("repository", "deploy", "create-repository", "set-repository-policy"),
                        execution("unbound", "none", "push"),
                        execution("image", null, "login", "push", "help"),
                        execution("again", "verify", "login")),
                plugin(GROUP, "other-plugin", execution("x", "deploy", "pull")));

        // phase none, no phase, a goal that calls nothing and a goal named twice: all listed as written
        assertEquals(List.of("create-repository", "set-repository-policy", "push", "login", "push", "help", "login"),
                allGoals(build, GROUP, ARTIFACT));
    }

    @Test
    void onlyThePluginOfThatGroupAndArtifact() {
        List<Plugin> build = List.of(
                plugin("com.example", ARTIFACT, execution("a", "deploy", "push")),
                plugin(null, ARTIFACT, execution("b", "deploy", "pull")), // no groupId: org.apache.maven.plugins
                plugin(GROUP, ARTIFACT, execution("c", "deploy", "login")));

        assertEquals(List.of("login"), allGoals(build, GROUP, ARTIFACT));
        assertEquals(List.of("pull"), allGoals(build, "org.apache.maven.plugins", ARTIFACT));
        assertEquals(List.of("push"), allGoals(build, "com.example", ARTIFACT));

        // a raw list (before Maven merges duplicate declarations): every declaration's goals, in order
        List<Plugin> twice = List.of(plugin(GROUP, ARTIFACT, execution("a", "deploy", "login")),
                plugin(GROUP, ARTIFACT, execution("b", "deploy", "push")));
        assertEquals(List.of("login", "push"), allGoals(twice, GROUP, ARTIFACT));
    }

    @Test
    void noGoalsWhenTheBuildDoesNotNameThePluginOrItHasNoExecution() {
        assertEquals(List.of(), allGoals(List.of(), GROUP, ARTIFACT));
        assertEquals(List.of(), allGoals(List.of(plugin("org.apache.maven.plugins", "maven-jar-plugin",
                execution("jar", "package", "jar"))), GROUP, ARTIFACT));
        assertEquals(List.of(), allGoals(List.of(plugin(GROUP, ARTIFACT)), GROUP, ARTIFACT));
    }
}
