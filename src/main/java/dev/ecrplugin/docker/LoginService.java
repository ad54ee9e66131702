package dev.ecrplugin.docker;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.ecr.RegistryHost;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/**
 * The tutorial's {@code aws ecr get-login-password | docker login --username AWS --password-stdin REGISTRY}: an ECR
 * authorization token from the SDK, handed to docker on standard input only.
 */
public final class LoginService {

    /**
     * A docker login that succeeded.
     *
     * @param registry   the address docker logged in to (host[:port])
     * @param registryId the ECR registry (account) the token is for
     */
    public record Login(String registry, String registryId) {}

    private final EcrClient ecr;
    private final DockerCli docker;
    private final Reporter reporter;

    public LoginService(EcrClient ecr, DockerCli docker, Reporter reporter) {
        this.ecr = Objects.requireNonNull(ecr);
        this.docker = Objects.requireNonNull(docker);
        this.reporter = Objects.requireNonNull(reporter);
    }

    /**
     * Logs docker in to one registry.
     *
     * @param registryId the registry's account, or null for the caller's own
     * @param address    where docker reaches the registry, or null for the token's proxy endpoint
     */
    public Login login(String registryId, RegistryHost address) {
        List<AuthorizationData> data = ecr.getAuthorizationToken(
                r -> r.registryIds(registryId == null ? null : List.of(registryId))).authorizationData();
        if (data.isEmpty()) {
            throw new OperationFailedException("ECR GetAuthorizationToken returned no authorization data"
                    + (registryId == null ? "" : " for registry " + registryId));
        }
        AuthorizationData auth = data.get(0);
        RegistryHost proxy;
        try {
            proxy = RegistryHost.parse(auth.proxyEndpoint(), "registry");
        } catch (InvalidInputException e) { // the service's answer, not the user's input
            throw new OperationFailedException("ECR GetAuthorizationToken returned a proxy endpoint that is not a "
                    + "registry address: '" + auth.proxyEndpoint() + "'", e);
        }
        String id = registryId != null ? registryId
                : proxy.ecr().map(RegistryHost.Ecr::accountId).orElse(proxy.address());
        String target = address != null ? address.address() : proxy.address();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(String.valueOf(auth.authorizationToken()));
        } catch (IllegalArgumentException e) { // never show the token, not even in part
            throw new OperationFailedException("ECR GetAuthorizationToken returned an authorization token that is "
                    + "not base64");
        }
        int colon = indexOf(decoded, (byte) ':');
        if (colon < 0) {
            throw new OperationFailedException("ECR returned an authorization token that is not user:password");
        }
        String user = new String(decoded, 0, colon, StandardCharsets.UTF_8);
        byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
        Arrays.fill(decoded, (byte) 0);
        try {
            reporter.debug("ECR token for registry " + id + " (proxy endpoint " + auth.proxyEndpoint()
                    + ", expires " + auth.expiresAt() + "); docker logs in to " + target);
            docker.login(target, user, password);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        reporter.info("Logged in to " + target + " (ECR registry " + id + ")");
        return new Login(target, id);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
