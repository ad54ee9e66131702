package dev.ecrplugin.maven;

import dev.ecrplugin.core.Change;
import org.apache.maven.plugins.annotations.Parameter;

/** The provisioning goals: they converge AWS to what the POM declares, and can show the plan without acting. */
public abstract class AbstractProvisionMojo extends AbstractEcrMojo {

    /** Print what would be created or updated, and change nothing. */
    @Parameter(property = "ecr.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** Logs the one INFO line a resource gets. */
    protected void report(Change change) {
        getLog().info((dryRun ? "[dry run] " : "") + change.line());
    }
}
