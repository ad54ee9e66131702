package dev.ecrplugin.maven;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.permissions.GoalActions;
import dev.ecrplugin.permissions.GoalConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The goals of this plugin that a build of the project runs, read from the {@link MavenProject} as Maven would run
 * them: each execution's configuration merged over the plugin's, each parameter evaluated. The Maven adapter of
 * {@code ecr:required-permissions}; the core sees only {@link GoalConfig}s.
 */
final class BoundGoals {

    private final MavenSession session;
    private final MojoExecution mojoExecution;
    private final MavenProject project;
    private final Reporter reporter;

    BoundGoals(MavenSession session, MojoExecution mojoExecution, MavenProject project, Reporter reporter) {
        this.session = session;
        this.mojoExecution = mojoExecution;
        this.project = project;
        this.reporter = reporter;
    }

    /**
     * The goals of the executions of plugin {@code groupId:artifactId} in the build's plugins (POM order), as written
     * (no phase, skip or configuration read), from goal {@code goal} of execution {@code executionId} on: the goals a
     * build runs after that one when its executions share a phase. All of them when that execution is not in the POM
     * (null, or a goal named on the command line). Empty when the build does not name the plugin.
     */
    static List<String> goalNamesFrom(List<Plugin> buildPlugins, String groupId, String artifactId,
            String executionId, String goal) {
        List<String> names = new ArrayList<>();
        boolean found = false;
        for (Plugin plugin : plugins(buildPlugins, groupId, artifactId)) {
            for (PluginExecution execution : plugin.getExecutions()) {
                List<String> goals = execution.getGoals();
                if (!found && executionId != null && executionId.equals(execution.getId()) && goals.contains(goal)) {
                    found = true;
                    names.clear();
                    goals = goals.subList(goals.indexOf(goal), goals.size());
                }
                names.addAll(goals);
            }
        }
        return names;
    }

    /**
     * The goals of this plugin's executions that a build runs, then those named with {@code -Decr.goals}
     * (comma-separated entries), each with its configuration; skipped goals left out.
     */
    List<GoalConfig> read(List<String> goals) {
        List<GoalConfig> configs = new ArrayList<>();
        if (mojoExecution == null || project == null) { // outside a build (unit tests): nothing to read
            return configs;
        }
        PluginDescriptor descriptor = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        List<Plugin> ours = plugins(project.getBuild().getPlugins(), descriptor.getGroupId(),
                descriptor.getArtifactId());
        Plugin plugin = ours.isEmpty() ? null : ours.get(ours.size() - 1); // the last, as Build.getPluginsAsMap()
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                for (String goal : execution.getGoals()) {
                    MojoDescriptor mojo = descriptor.getMojo(goal);
                    if (mojo == null || !GoalActions.goals().contains(goal)) {
                        reporter.debug("Execution " + execution.getId() + ": goal " + goal + " calls nothing");
                        continue;
                    }
                    String phase = execution.getPhase() != null ? execution.getPhase() : mojo.getPhase();
                    if (phase == null || phase.isBlank() || phase.equals("none")) {
                        reporter.debug("Execution " + execution.getId() + ": goal " + goal + " is bound to no phase");
                        continue;
                    }
                    add(configs, config(mojo, execution.getId(), merged(execution.getConfiguration(),
                            plugin.getConfiguration())));
                }
            }
        }
        for (String goal : namedGoals(goals)) {
            MojoDescriptor mojo = descriptor.getMojo(goal);
            if (mojo == null || !GoalActions.goals().contains(goal)) {
                throw new InvalidInputException("-Decr.goals names '" + goal + "', which is no goal of this plugin "
                        + "that calls AWS: name some of " + String.join(", ", GoalActions.goals()));
            }
            PluginExecution cli = plugin == null ? null : plugin.getExecutionsAsMap().get("default-cli");
            add(configs, config(mojo, "-Decr.goals", merged(cli == null ? null : cli.getConfiguration(),
                    plugin == null ? null : plugin.getConfiguration())));
        }
        return configs;
    }

    /** The build's plugins of that groupId and artifactId (one in an effective model: Maven merges duplicates). */
    private static List<Plugin> plugins(List<Plugin> buildPlugins, String groupId, String artifactId) {
        List<Plugin> found = new ArrayList<>();
        for (Plugin plugin : buildPlugins) {
            if (groupId.equals(plugin.getGroupId()) && artifactId.equals(plugin.getArtifactId())) {
                found.add(plugin);
            }
        }
        return found;
    }

    private void add(List<GoalConfig> configs, GoalConfig config) {
        if (config.isTrue("skip") || config.isTrue("skip:" + config.goal())) {
            reporter.info(config.describe() + " is skipped: it needs nothing");
            return;
        }
        configs.add(config);
    }

    private static List<String> namedGoals(List<String> goals) {
        List<String> named = new ArrayList<>();
        if (goals != null) {
            for (String g : goals) {
                for (String part : g.split(",")) {
                    if (!part.isBlank()) {
                        named.add(part.trim());
                    }
                }
            }
        }
        return named;
    }

    private static Xpp3Dom merged(Object execution, Object plugin) {
        Xpp3Dom dominant = execution instanceof Xpp3Dom d ? new Xpp3Dom(d) : null;
        Xpp3Dom recessive = plugin instanceof Xpp3Dom d ? new Xpp3Dom(d) : null;
        if (dominant == null) {
            return recessive;
        }
        return Xpp3Dom.mergeXpp3Dom(dominant, recessive);
    }

    /**
     * The goal's parameters as Maven would set them: the configuration's element, else the value of its
     * {@code -D}/project property, else its default; expressions evaluated. The goal's own skip is kept as
     * {@code skip:<goal>}.
     */
    private GoalConfig config(MojoDescriptor mojo, String executionId, Xpp3Dom configuration) {
        PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, mojoExecution);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (org.apache.maven.plugin.descriptor.Parameter p : mojo.getParameters()) {
            if (!p.isEditable()) {
                continue;
            }
            Xpp3Dom element = configuration == null ? null : configuration.getChild(p.getName());
            List<String> found = new ArrayList<>();
            if (element != null && element.getChildCount() > 0) {
                for (Xpp3Dom child : element.getChildren()) {
                    found.add(evaluate(evaluator, child.getValue()));
                }
            } else if (element != null && element.getValue() != null) {
                found.add(evaluate(evaluator, element.getValue()));
            } else if (p.getExpression() != null) {
                found.add(evaluate(evaluator, p.getExpression()));
            }
            if (found.stream().allMatch(v -> v == null || v.isBlank()) && p.getDefaultValue() != null) {
                found = List.of(String.valueOf(evaluate(evaluator, p.getDefaultValue())));
            }
            String name = p.getExpression() != null && p.getExpression().equals("${ecr." + mojo.getGoal() + ".skip}")
                    ? "skip:" + mojo.getGoal() : p.getName();
            values.put(name, found);
        }
        return new GoalConfig(mojo.getGoal(), executionId, values);
    }

    private static String evaluate(PluginParameterExpressionEvaluator evaluator, String expression) {
        if (expression == null) {
            return null;
        }
        try {
            Object value = evaluator.evaluate(expression);
            return value == null ? null : String.valueOf(value);
        } catch (ExpressionEvaluationException e) {
            throw new InvalidInputException("Cannot evaluate " + expression + ": " + e.getMessage(), e);
        }
    }
}
