package dev.ecrplugin.maven;

import dev.ecrplugin.aws.AwsService;
import dev.ecrplugin.permissions.GoalActions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/**
 * The goals of this plugin a build will run (the executions bound in the current project's POM, and those named on
 * the command line), and the AWS services they call: what the first goal may build ahead (see
 * {@code AwsClients.warmUp}).
 */
final class BuildPlan {

    private BuildPlan() {}

    /**
     * The services of {@code current}'s goal first, then those of the build's goals of this plugin after it (so that a
     * session made halfway through the build, as the tutorial's login as usr1, does not build the clients of the
     * goals that already ran).
     */
    static Set<AwsService> services(MavenSession session, MojoExecution current) {
        Set<AwsService> services = new LinkedHashSet<>();
        if (current == null) {
            return services;
        }
        services.addAll(servicesOf(current.getGoal()));
        for (String goal : goals(session, current)) {
            services.addAll(servicesOf(goal));
        }
        return services;
    }

    /**
     * The goals of this plugin in the current project's executions from {@code current} on (all of them when it is
     * not one of them), and on the command line.
     */
    static List<String> goals(MavenSession session, MojoExecution current) {
        if (session == null || current.getMojoDescriptor() == null) {
            return List.of();
        }
        MavenProject project = session.getCurrentProject();
        return goals(project == null ? List.of() : project.getBuildPlugins(), session.getGoals(),
                current.getGroupId(), current.getArtifactId(),
                current.getMojoDescriptor().getPluginDescriptor().getGoalPrefix(), current.getExecutionId(),
                current.getGoal());
    }

    /**
     * The goals of plugin {@code groupId:artifactId} bound in {@code buildPlugins} from goal {@code goal} of execution
     * {@code executionId} on (all of them when that execution is not bound there), then those among the command
     * line's {@code tasks} ({@code prefix:goal}, {@code groupId:artifactId[:version]:goal}, each maybe with
     * {@code @execution}).
     */
    static List<String> goals(List<Plugin> buildPlugins, List<String> tasks, String groupId, String artifactId,
            String prefix, String executionId, String goal) {
        List<String> goals = new ArrayList<>(
                BoundGoals.goalNamesFrom(buildPlugins, groupId, artifactId, executionId, goal));
        goals.addAll(commandLineGoals(tasks, groupId, artifactId, prefix));
        return goals;
    }

    private static List<String> commandLineGoals(List<String> tasks, String groupId, String artifactId,
            String prefix) {
        List<String> goals = new ArrayList<>();
        for (String task : tasks) {
            String[] parts = task.replaceFirst("@.*$", "").split(":");
            boolean ours = parts.length == 2 && parts[0].equals(prefix)
                    || parts.length >= 3 && parts[0].equals(groupId) && parts[1].equals(artifactId);
            if (ours) {
                goals.add(parts[parts.length - 1]);
            }
        }
        return goals;
    }

    /**
     * The AWS services {@code goal} may call, from the one list of each goal's calls ({@link GoalActions}, checked
     * against what the services send): none for a goal it does not know.
     */
    static Set<AwsService> servicesOf(String goal) {
        Set<AwsService> services = EnumSet.noneOf(AwsService.class);
        if (!GoalActions.goals().contains(goal)) {
            return services;
        }
        for (GoalActions.Call call : GoalActions.calls(goal)) {
            if (call.kind() == GoalActions.Kind.SDK) {
                services.add(call.operation().equals("GetCallerIdentity") ? AwsService.STS
                        : AwsService.valueOf(call.actions().get(0).split(":")[0].toUpperCase(Locale.ROOT)));
            }
        }
        return services;
    }
}
