package dev.ecrplugin.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecrplugin.aws.AwsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;

/** BuildPlan: which goals of this plugin a build runs, and the AWS services the first goal may build ahead. */
class BuildPlanTest {

    private static Plugin plugin(String groupId, String artifactId, String... goalsPerExecution) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(groupId);
        plugin.setArtifactId(artifactId);
        for (String goals : goalsPerExecution) {
            PluginExecution execution = new PluginExecution();
            execution.setGoals(new ArrayList<>(List.of(goals.split(","))));
            plugin.addExecution(execution);
        }
        return plugin;
    }

    @Test
    void goalsBoundInThePomThenThoseOnTheCommandLineOfThisPluginOnly() {
        List<Plugin> plugins = List.of(plugin("org.apache.maven.plugins", "maven-jar-plugin", "jar"),
                plugin("dev.ecrplugin", "ecr-maven-plugin", "create-policy", "login,push,pull"));
        List<String> tasks = List.of("clean", "deploy", "ecr:create-repository", "ecr:tag@promote",
                "dev.ecrplugin:ecr-maven-plugin:0.1.0:scan", "dev.ecrplugin:ecr-maven-plugin:create-user",
                "other:push", "org.example:ecr-maven-plugin:1:pull");
        assertEquals(List.of("create-policy", "login", "push", "pull", "create-repository", "tag", "scan",
                "create-user"), BuildPlan.goals(plugins, tasks, "dev.ecrplugin", "ecr-maven-plugin", "ecr",
                "default-cli", "create-repository"));
    }

    @Test
    void fromAnExecutionOnlyItsGoalAndThoseAfterItInThePomCount() {
        Plugin ecr = plugin("dev.ecrplugin", "ecr-maven-plugin", "create-policy,create-user", "login,push,pull");
        ecr.getExecutions().get(0).setId("admin");
        ecr.getExecutions().get(1).setId("as-usr1");
        List<Plugin> plugins = List.of(ecr);
        List<String> tasks = List.of("deploy", "ecr:tag");
        assertEquals(List.of("push", "pull", "tag"), BuildPlan.goals(plugins, tasks, "dev.ecrplugin",
                "ecr-maven-plugin", "ecr", "as-usr1", "push"));
        assertEquals(List.of("create-user", "login", "push", "pull", "tag"), BuildPlan.goals(plugins, tasks,
                "dev.ecrplugin", "ecr-maven-plugin", "ecr", "admin", "create-user"));
        // a goal run from the command line (default-cli) is in no execution: every bound goal may follow
        assertEquals(List.of("create-policy", "create-user", "login", "push", "pull", "tag"), BuildPlan.goals(
                plugins, tasks, "dev.ecrplugin", "ecr-maven-plugin", "ecr", "default-cli", "tag"));
    }

    @Test
    void servicesFollowTheGoalsThatCallThem() {
        assertEquals(Set.of(AwsService.IAM, AwsService.STS), BuildPlan.servicesOf("create-policy"));
        assertEquals(Set.of(AwsService.IAM, AwsService.STS), BuildPlan.servicesOf("create-user"));
        assertEquals(Set.of(AwsService.ECR, AwsService.STS), BuildPlan.servicesOf("set-repository-policy"));
        assertEquals(Set.of(AwsService.ECR, AwsService.STS), BuildPlan.servicesOf("push"));
        for (String goal : List.of("create-repository", "login", "pull", "scan")) {
            assertEquals(Set.of(AwsService.ECR), BuildPlan.servicesOf(goal), goal);
        }
        assertEquals(Set.of(), BuildPlan.servicesOf("help"));
    }
}
