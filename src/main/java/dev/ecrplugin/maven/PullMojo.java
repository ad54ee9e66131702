package dev.ecrplugin.maven;

import dev.ecrplugin.docker.PullService;
import dev.ecrplugin.docker.RegistryTargets;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pulls an image from an ECR repository by tag or digest (logging in first when this build has not): a full image URI
 * (the registry host it names is where docker logs in and pulls), or a repository of the configured registry.
 */
@Mojo(name = "pull", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true, requiresProject = false)
public class PullMojo extends AbstractDockerMojo {

    /**
     * The image to pull: a full ECR image URI such as 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0 (also
     * FIPS, dual-stack, China and the other partitions' hosts; by digest with @sha256:...), or a repository with a
     * tag or digest such as app:1.0. Read when repositoryName is not set.
     */
    @Parameter(property = "ecr.image")
    protected String image;

    /** The ECR repository; when set, image is not read (it may be push's local image, configured plugin-wide). */
    @Parameter(property = "ecr.repositoryName")
    protected String repositoryName;

    /** The tag to pull. Default: the tag of image, else latest (when no digest is given). */
    @Parameter(property = "ecr.tag")
    protected String tag;

    /** The digest to pull, e.g. sha256:...; instead of tag. */
    @Parameter(property = "ecr.digest")
    protected String digest;

    /** A local name to tag the pulled image with, e.g. myapp:1.0. */
    @Parameter(property = "ecr.targetImage")
    protected String targetImage;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.pull.skip", defaultValue = "false")
    protected boolean skipPull;

    @Override
    protected String goalName() {
        return "pull";
    }

    @Override
    protected boolean skipGoal() {
        return skipPull;
    }

    @Override
    protected void run() {
        PullService.Request request = PullService.Request.of(image, repositoryName, tag, digest, targetImage);
        RegistryTargets.Target target = registries().target(request.image(), "pull", "image");
        new PullService(docker(), reporter()).pull(request, login(target));
    }
}
