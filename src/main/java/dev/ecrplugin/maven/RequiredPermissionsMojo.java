package dev.ecrplugin.maven;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.permissions.GoalActions;
import dev.ecrplugin.permissions.GoalConfig;
import dev.ecrplugin.permissions.RequiredPermissions;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Prints, and writes to {@code target/ecr/required-permissions.json}, the least-privilege IAM policy document the
 * goals of this plugin need as this POM configures them: the goals its executions bind, and those named with
 * {@code -Decr.goals}. Each statement is narrowed to the repositories, policies and users the configuration names.
 */
@Mojo(name = "required-permissions", threadSafe = true)
public class RequiredPermissionsMojo extends AbstractEcrMojo {

    /** More goals to include, as if run from the command line with the plugin's configuration (comma-separated). */
    @Parameter(property = "ecr.goals")
    protected List<String> goals;

    /**
     * The account of the ARNs (the first one). Default: the caller's account, from one STS GetCallerIdentity call.
     */
    @Parameter(property = "ecr.registryIds")
    protected List<String> registryIds;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.required-permissions.skip", defaultValue = "false")
    protected boolean skipRequiredPermissions;

    @Override
    protected String goalName() {
        return "required-permissions";
    }

    @Override
    protected boolean skipGoal() {
        return skipRequiredPermissions;
    }

    @Override
    protected boolean needsNetwork() {
        return region == null || region.isBlank() || firstRegistryId() == null;
    }

    @Override
    protected void run() {
        List<GoalConfig> configs = boundGoals();
        RequiredPermissions.checkGoals(configs); // before the region and the account are asked for
        String defaultRegion = region != null && !region.isBlank() ? region.trim() : aws().region().id();
        String registryId = firstRegistryId();
        GoalConfig self = new GoalConfig(goalName(), mojoExecution == null ? "default-cli" : mojoExecution
                .getExecutionId(), Map.of("profile", listOf(profile), "serverId", listOf(serverId), "roleArn",
                listOf(roleArn)));
        File file = new File(new File(project.getBuild().getDirectory(), "ecr"), "required-permissions.json");
        RequiredPermissions.Result result = new RequiredPermissions(defaultRegion,
                () -> registryId != null ? registryId : aws().accountId(), reporter())
                .compute(configs, self, file.toPath());
        getLog().info("IAM policy for " + configs.size() + (configs.size() == 1 ? " goal" : " goals")
                + " (written to " + file + "):\n" + result.document());
    }

    private String firstRegistryId() {
        if (registryIds == null) {
            return null;
        }
        return registryIds.stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).findFirst().orElse(null);
    }

    /** The goals of this plugin's executions that a build runs, then those of {@code -Decr.goals}. */
    private List<GoalConfig> boundGoals() {
        List<GoalConfig> configs = new ArrayList<>();
        if (mojoExecution == null || project == null) { // outside a build (unit tests): nothing to read
            return configs;
        }
        PluginDescriptor descriptor = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        Plugin plugin = project.getBuild().getPluginsAsMap().get(descriptor.getPluginLookupKey());
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                for (String goal : execution.getGoals()) {
                    MojoDescriptor mojo = descriptor.getMojo(goal);
                    if (mojo == null || !GoalActions.goals().contains(goal)) {
                        getLog().debug("Execution " + execution.getId() + ": goal " + goal + " calls nothing");
                        continue;
                    }
                    String phase = execution.getPhase() != null ? execution.getPhase() : mojo.getPhase();
                    if (phase == null || phase.isBlank() || phase.equals("none")) {
                        getLog().debug("Execution " + execution.getId() + ": goal " + goal + " is bound to no phase");
                        continue;
                    }
                    add(configs, config(mojo, execution.getId(), merged(execution.getConfiguration(),
                            plugin.getConfiguration())));
                }
            }
        }
        for (String goal : namedGoals()) {
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

    private void add(List<GoalConfig> configs, GoalConfig config) {
        if (config.isTrue("skip") || config.isTrue("skip:" + config.goal())) {
            getLog().info(config.describe() + " is skipped: it needs nothing");
            return;
        }
        configs.add(config);
    }

    private List<String> namedGoals() {
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

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
