package dev.ecrplugin.maven;

import dev.ecrplugin.aws.AwsSettings;
import dev.ecrplugin.docker.DockerCli;
import dev.ecrplugin.docker.LoginService;
import dev.ecrplugin.docker.RegistryTargets;
import dev.ecrplugin.ecr.RegistryHost;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
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

    /**
     * Key of a docker login shared by a Maven session: one per registry host docker logs in to (FIPS and standard
     * hosts of one account are two). For a host that is not an ECR host (a {@code <registry>} alias) the token's
     * registry and region are part of the key, as they are not part of the host.
     */
    private record LoginKey(AwsSettings aws, String address, String registryId, String region,
                            DockerCli.Options docker, String dockerConfig, String dockerHost) {}

    /** Key of a login to the host the token names (no URI and no {@code <registry>}): known once the token is. */
    private record TokenLoginKey(AwsSettings aws, String registryId, String region, DockerCli.Options docker,
                                 String dockerConfig, String dockerHost) {}

    protected DockerCli docker() {
        return new DockerCli(new DockerCli.Options(dockerExecutable, Duration.ofSeconds(timeout), retries, tlsVerify),
                reporter());
    }

    /** The checked {@code registryIds} and {@code registry}. */
    protected RegistryTargets registries() {
        return RegistryTargets.of(registryIds, registry);
    }

    /**
     * The ECR client of {@code region} (null: the configured region's). ECR tokens and repositories are per region: a
     * full image URI's region is asked in that region.
     */
    protected EcrClient ecr(String region) {
        return region == null ? aws().ecr() : aws().ecr(Region.of(region));
    }

    /**
     * The ECR client for {@code target}'s token and repository: in its region, and on the FIPS or dual-stack API
     * endpoint when its registry host is of that form.
     */
    protected EcrClient ecr(RegistryTargets.Target target) {
        String region = regionOf(target);
        Optional<RegistryHost.Ecr> host = target.address() == null ? Optional.empty()
                : target.address().ecr();
        if (host.isEmpty() || !host.get().fips() && !host.get().dualStack()) {
            return ecr(region);
        }
        return aws().ecr(region == null ? aws().region() : Region.of(region), host.get().fips(),
                host.get().dualStack());
    }

    /** The region {@code target}'s token and repository are asked in, or null for the configured one. */
    protected String regionOf(RegistryTargets.Target target) {
        return target.regionApart(aws().region().id());
    }

    /** Logs docker in to {@code target} once per Maven session (shared with later goals and other modules). */
    protected LoginService.Login login(RegistryTargets.Target target) {
        String region = regionOf(target);
        DockerCli docker = docker();
        LoginService service = new LoginService(ecr(target), docker, reporter());
        String config = System.getenv("DOCKER_CONFIG");
        String host = System.getenv("DOCKER_HOST");
        boolean[] fresh = {false};
        LoginService.Login login;
        if (target.address() != null) {
            login = shared("docker-login", loginKey(target.address(), target.registryId(), region, docker, config, host),
                    k -> {
                        fresh[0] = true;
                        return service.login(service.token(target.registryId()), target.address(), region);
                    });
        } else {
            // the host comes with the token: a login to it made earlier in the session (a full URI's) is reused
            login = shared("docker-login-by-token", new TokenLoginKey(awsSettings(), target.registryId(), region,
                    docker.options(), config, host), k -> {
                        LoginService.Token token = service.token(target.registryId());
                        return shared("docker-login", loginKey(token.proxyEndpoint(), token.registryId(), region,
                                docker, config, host), k2 -> {
                                    fresh[0] = true;
                                    return service.login(token, null, region);
                                });
                    });
        }
        if (!fresh[0]) {
            getLog().debug("Reusing this build's docker login to " + login.registry());
        }
        return login;
    }

    private LoginKey loginKey(RegistryHost address, String registryId, String region, DockerCli docker,
                              String dockerConfig, String dockerHost) {
        boolean ecrHost = address.ecr().isPresent(); // the host names its account and region
        return new LoginKey(awsSettings(), address.address(), ecrHost ? null : registryId, ecrHost ? null : region,
                docker.options(), dockerConfig, dockerHost);
    }
}
