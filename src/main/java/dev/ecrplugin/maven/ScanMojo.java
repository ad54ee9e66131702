package dev.ecrplugin.maven;

import dev.ecrplugin.core.Strings;
import dev.ecrplugin.docker.RegistryTargets;
import dev.ecrplugin.ecr.PushedImage;
import dev.ecrplugin.ecr.RegistryHost;
import dev.ecrplugin.ecr.ScanService;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Scans an image in ECR (basic scanning) and gates the build on its findings: starts a scan unless one exists or is
 * running, waits for it up to scanTimeout, logs the counts per severity and the most severe findings, writes every
 * finding to {@code target/ecr/<repositoryName>.scan.json}, and fails on a finding at or above failOnSeverity. By
 * default it scans the image this build's ecr:push pushed: bind it after push (in the deploy phase, declare the scan
 * execution after the push execution: goals of one phase run in the POM's order).
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class ScanMojo extends AbstractEcrMojo {

    /**
     * The ECR repository. Default: the repository this build's ecr:push pushed to (the last one, when it pushed to
     * several); named without tag or digest, the image this build pushed there.
     */
    @Parameter(property = "ecr.repositoryName")
    protected String repositoryName;

    /** The tag of the image to scan. Default: the digest this build's ecr:push pushed to the repository. */
    @Parameter(property = "ecr.tag")
    protected String tag;

    /** The digest of the image to scan, e.g. sha256:...; instead of tag. Default: this build's pushed digest. */
    @Parameter(property = "ecr.digest")
    protected String digest;

    /** The ECR registry (account id) of another account holding the repository. Default: your own. */
    @Parameter(property = "ecr.registryIds")
    protected List<String> registryIds;

    /**
     * Fail the build on a finding of this severity or more severe: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or
     * UNDEFINED. Default: none (NONE), the findings are only reported.
     */
    @Parameter(property = "ecr.failOnSeverity")
    protected String failOnSeverity;

    /** Seconds to wait for the scan to complete. */
    @Parameter(property = "ecr.scanTimeout", defaultValue = "600")
    protected int scanTimeout = 600;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.scan.skip", defaultValue = "false")
    protected boolean skipScan;

    @Override
    protected String goalName() {
        return "scan";
    }

    @Override
    protected boolean skipGoal() {
        return skipScan;
    }

    @Override
    protected void run() {
        String registryId = RegistryTargets.of(registryIds, null).single(goalName());
        File target = project == null ? new File("target") : new File(project.getBuild().getDirectory());
        Path reports = new File(target, "ecr").toPath();
        String name = Strings.trimToNull(repositoryName);
        // ecr.imageUri names the last push only; a build may have pushed to the named repository before it
        PushedImage pushedHere = name == null ? null : PushedImages.find(this,
                new PushedImages.Key(awsSettings(), aws().region().id(), name), registryId).orElse(null);
        ScanService.Request request = ScanService.Request.of(repositoryName, tag, digest, registryId,
                project == null ? null : project.getProperties().getProperty("ecr.imageUri"), pushedHere,
                failOnSeverity, scanTimeout, reports);
        RegistryHost.Ecr host = request.registryHost();
        EcrClient ecr = host == null ? aws().ecr() : aws().ecr(Region.of(host.region()), host.fips(),
                host.dualStack());
        new ScanService(ecr, reporter()).scan(request);
    }
}
