package dev.ecrplugin.maven;

import dev.ecrplugin.docker.RegistryTargets;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Logs docker in to ECR: the tutorial's {@code aws ecr get-login-password | docker login --username AWS
 * --password-stdin REGISTRY}, with the token from the AWS SDK and the password on docker's standard input only.
 * Once per registry per build: later goals and modules reuse it.
 */
@Mojo(name = "login", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class LoginMojo extends AbstractDockerMojo {

    @Override
    protected void run() {
        for (RegistryTargets.Target target : registries().logins()) {
            login(target);
        }
    }
}
