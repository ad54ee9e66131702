package dev.ecrplugin.maven;

import dev.ecrplugin.aws.AwsSettings;
import dev.ecrplugin.docker.DockerCli;
import dev.ecrplugin.docker.LoginService;
import dev.ecrplugin.docker.RegistryTargets;
import dev.ecrplugin.ecr.RegistryHost;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that run docker against an ECR registry: how to reach the registry and the docker client, and the one
 * docker login per registry that every goal and module of a build shares.
 */
public abstract class AbstractDockerMojo extends AbstractEcrMojo {

    /**
     * The address docker talks to instead of the token's proxy endpoint, as host[:port] or URL: a VPC endpoint, a DNS
     * alias, LocalStack or a local registry. Default: the registry the ECR token names.
     */
    @Parameter(property = "ecr.registry")
    protected String registry;

    /** The docker client: docker, podman or nerdctl (the name on the PATH, or a path). */
    @Parameter(property = "ecr.dockerExecutable", defaultValue = "docker")
    protected String dockerExecutable;

    /** ECR registries (account ids) of other accounts; comma-separated on the command line. Default: your own. */
    @Parameter(property = "ecr.registryIds")
    protected List<String> registryIds;

    /**
     * Verify the registry's TLS certificate (podman, nerdctl: false adds --tls-verify=false). Default: the client's
     * own rule; for podman and nerdctl, off for a registry on localhost/127.0.0.1 as docker does.
     */
    @Parameter(property = "ecr.tlsVerify")
    protected Boolean tlsVerify;

    /** Seconds each docker command may run before it is stopped. */
    @Parameter(property = "ecr.timeout", defaultValue = "600")
    protected int timeout;

    /** Further attempts of docker login, push and pull after a transient failure (connection, 5xx, timeout). */
    @Parameter(property = "ecr.retries", defaultValue = "2")
    protected int retries;

    /** Key of a docker login shared by a Maven session. */
    private record LoginKey(AwsSettings aws, String registryId, String address, DockerCli.Options docker,
                            String dockerConfig, String dockerHost) {}

    protected DockerCli docker() {
        return new DockerCli(new DockerCli.Options(dockerExecutable, Duration.ofSeconds(timeout), retries, tlsVerify),
                reporter());
    }

    /** The checked {@code registryIds} and {@code registry}. */
    protected RegistryTargets registries() {
        return RegistryTargets.of(registryIds, registry);
    }

    /** Logs docker in to a registry once per Maven session (shared with later goals and other modules). */
    protected LoginService.Login login(String registryId) {
        RegistryHost address = registries().address();
        DockerCli docker = docker();
        LoginKey key = new LoginKey(awsSettings(), registryId, address == null ? null : address.address(),
                docker.options(), System.getenv("DOCKER_CONFIG"), System.getenv("DOCKER_HOST"));
        boolean[] fresh = {false};
        LoginService.Login login = shared("docker-login", key, k -> {
            fresh[0] = true;
            return new LoginService(aws().ecr(), docker, reporter()).login(registryId, address);
        });
        if (!fresh[0]) {
            getLog().debug("Reusing this build's docker login to " + login.registry());
        }
        return login;
    }
}
