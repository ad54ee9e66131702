package dev.ecrplugin.maven;

import dev.ecrplugin.docker.PullService;
import dev.ecrplugin.ecr.EcrImageRef;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Pulls an image from an ECR repository by tag or digest (logging in first when this build has not). */
@Mojo(name = "pull", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true, requiresProject = false)
public class PullMojo extends AbstractDockerMojo {

    /** The ECR repository. */
    @Parameter(property = "ecr.repositoryName", required = true)
    protected String repositoryName;

    /** The tag to pull. Default: latest (when no digest is given). */
    @Parameter(property = "ecr.tag")
    protected String tag;

    /** The digest to pull, e.g. sha256:...; instead of tag. */
    @Parameter(property = "ecr.digest")
    protected String digest;

    /** A local name to tag the pulled image with, e.g. myapp:1.0. */
    @Parameter(property = "ecr.targetImage")
    protected String targetImage;

    @Override
    protected void run() {
        PullService.Request request = new PullService.Request(repositoryName, tag, digest,
                targetImage == null || targetImage.isBlank() ? null : EcrImageRef.parse(targetImage, "targetImage"));
        new PullService(docker(), reporter()).pull(request, login(registries().single("pull")));
    }
}
