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
     * An ECR authorization token, not yet handed to docker (its text never leaves this class).
     */
    public static final class Token {
        private final String authorizationToken;
        private final RegistryHost proxyEndpoint;
        private final String registryId;
        private final String description;

        private Token(String authorizationToken, RegistryHost proxyEndpoint, String registryId, String description) {
            this.authorizationToken = authorizationToken;
            this.proxyEndpoint = proxyEndpoint;
            this.registryId = registryId;
            this.description = description;
        }

        /** The registry host the token names (its {@code proxyEndpoint}): where docker goes by default. */
        public RegistryHost proxyEndpoint() {
            return proxyEndpoint;
        }

        /** The registry (account) the token is for. */
        public String registryId() {
            return registryId;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Logs docker in to one registry.
     *
     * @param registryId the registry's account, or null for the caller's own
     * @param address    where docker reaches the registry, or null for the token's proxy endpoint
     */
    public Login login(String registryId, RegistryHost address) {
        return login(token(registryId), address, null);
    }

    /**
     * Asks ECR (GetAuthorizationToken, in this service's client's region) for a token of one registry.
     *
     * @param registryId the registry's account, or null for the caller's own
     */
    public Token token(String registryId) {
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
        return new Token(String.valueOf(auth.authorizationToken()), proxy, id, "ECR token for registry " + id
                + " (proxy endpoint " + auth.proxyEndpoint() + ", expires " + auth.expiresAt() + ")");
    }

    /**
     * Logs docker in with {@code token}.
     *
     * @param address where docker logs in, or null for the token's proxy endpoint
     * @param region  the region the token came from when it is not the configured one (said in the log), or null
     */
    public Login login(Token token, RegistryHost address, String region) {
        String target = address != null ? address.address() : token.proxyEndpoint().address();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token.authorizationToken);
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
            reporter.debug(token + (region == null ? "" : " from region " + region) + "; docker logs in to "
                    + target);
            docker.login(target, user, password);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        reporter.info("Logged in to " + target + " (ECR registry " + token.registryId()
                + (region == null ? "" : ", token from region " + region) + ")");
        return new Login(target, token.registryId());
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
