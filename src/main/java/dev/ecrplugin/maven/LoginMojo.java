package dev.ecrplugin.maven;

import dev.ecrplugin.docker.RegistryTargets;
import dev.ecrplugin.ecr.EcrImageRef;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Logs docker in to ECR: the tutorial's {@code aws ecr get-login-password | docker login --username AWS
 * --password-stdin REGISTRY}, with the token from the AWS SDK and the password on docker's standard input only.
 * Once per registry host per build: later goals and modules reuse it.
 */
@Mojo(name = "login", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class LoginMojo extends AbstractDockerMojo {

    /**
     * A full ECR image URI (as push and pull take it): logs in to the registry host it names (FIPS, dual-stack, China,
     * ...) with a token of that host's account and region. Default: the host the token names.
     */
    @Parameter(property = "ecr.image")
    protected String image;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.login.skip", defaultValue = "false")
    protected boolean skipLogin;

    @Override
    protected String goalName() {
        return "login";
    }

    @Override
    protected boolean skipGoal() {
        return skipLogin;
    }

    @Override
    protected void run() {
        EcrImageRef ref = image == null || image.isBlank() ? null : EcrImageRef.parse(image, "image");
        // a plugin-wide <image> is often push's local image (ghcr.io/team/app:1, as jib names it): only an ECR host,
        // or a host <registry> stands for, says where to log in
        if (ref != null && ref.registry() != null && (ref.registry().ecr().isPresent() || registry != null
                && !registry.isBlank())) {
            login(registries().target(ref, "login", "image"));
            return;
        }
        for (RegistryTargets.Target target : registries().logins()) {
            login(target);
        }
    }
}
