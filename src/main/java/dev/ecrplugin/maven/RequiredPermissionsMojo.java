package dev.ecrplugin.maven;

import dev.ecrplugin.permissions.GoalConfig;
import dev.ecrplugin.permissions.RequiredPermissions;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

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
        List<GoalConfig> configs = new BoundGoals(session, mojoExecution, project, reporter()).read(goals);
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

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
