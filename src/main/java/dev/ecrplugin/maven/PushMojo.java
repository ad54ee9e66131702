package dev.ecrplugin.maven;

import dev.ecrplugin.docker.PushService;
import dev.ecrplugin.docker.RegistryTargets;
import dev.ecrplugin.ecr.EcrImageRef;
import dev.ecrplugin.ecr.PushedImage;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Pushes a local image to an ECR repository under one or more tags (logging in first when this build has not),
 * skipping the tags ECR already holds with this image. The digest goes to
 * {@code target/ecr/<repositoryName>.digest} and to the project properties {@code ecr.imageDigest} and
 * {@code ecr.imageUri}.
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends AbstractDockerMojo {

    /**
     * Required: the local image, e.g. myapp:1.0, or a full ECR image URI (which then names the repository, and the
     * registry host docker logs in and pushes to: standard, FIPS, dual-stack, China or another partition's; a host
     * that is not ECR's needs {@code <registry>} naming it).
     */
    @Parameter(property = "ecr.image")
    protected String image;

    /** The ECR repository. Default: the repository name of image. */
    @Parameter(property = "ecr.repositoryName")
    protected String repositoryName;

    /** Tags to push the image under; comma-separated on the command line. Default: the tag of image (or latest). */
    @Parameter(property = "ecr.tags")
    protected List<String> tags;

    /** Create the repository when it does not exist. */
    @Parameter(property = "ecr.createRepository", defaultValue = "false")
    protected boolean createRepository;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.push.skip", defaultValue = "false")
    protected boolean skipPush;

    @Override
    protected String goalName() {
        return "push";
    }

    @Override
    protected boolean skipGoal() {
        return skipPush;
    }

    @Override
    protected void run() {
        RegistryTargets.Target target = registries().pushTarget(EcrImageRef.parse(image, "image"),
                repositoryName != null && !repositoryName.isBlank());
        PushService.Request request = PushService.Request.of(image, repositoryName, tags, createRepository,
                target.registryId(), new File(project.getBuild().getDirectory(), "ecr").toPath());
        // the repository is looked up (and created) in the region of the registry pushed to
        PushService.Result result = new PushService(ecr(target), docker(), () -> login(target),
                () -> aws().accountId(), reporter()).push(request);
        String pushedRegion = regionOf(target);
        PushedImages.record(this, new PushedImages.Key(awsSettings(), pushedRegion == null ? aws().region().id()
                : pushedRegion, request.repositoryName()), new PushedImage(request.registryId(),
                result.digest()));
        project.getProperties().setProperty("ecr.imageDigest", result.digest());
        project.getProperties().setProperty("ecr.imageUri", result.imageUri());
        getLog().debug("Set ecr.imageDigest=" + result.digest() + ", ecr.imageUri=" + result.imageUri());
    }
}
