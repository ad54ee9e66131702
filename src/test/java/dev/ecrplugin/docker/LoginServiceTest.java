package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.ecr.RegistryHost;
import dev.ecrplugin.testing.FakeClient;
import dev.ecrplugin.testing.RecordingReporter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

/** LoginService against a fake ECR and a recording docker: what reaches docker, and what a bad answer becomes. */
class LoginServiceTest {

    private final DockerCliTest.RecordingRunner runner = new DockerCliTest.RecordingRunner();
    private final RecordingReporter reporter = new RecordingReporter();
    /** What docker read on stdin, copied when it ran (LoginService wipes the password afterwards). */
    private final List<String> stdins = new java.util.ArrayList<>();

    private LoginService service(String proxyEndpoint, String token) {
        EcrClient ecr = FakeClient.of(EcrClient.class).on("getAuthorizationToken",
                r -> GetAuthorizationTokenResponse.builder().authorizationData(AuthorizationData.builder()
                        .proxyEndpoint(proxyEndpoint).authorizationToken(token).build()).build()).client();
        CommandRunner copying = (command, output) -> {
            stdins.add(new String(command.stdin(), StandardCharsets.UTF_8));
            return runner.run(command, output);
        };
        DockerCli docker = new DockerCli(new DockerCli.Options("docker", Duration.ofSeconds(30), 0, null), copying,
                reporter, d -> { });
        return new LoginService(ecr, docker, reporter);
    }

    private static String token(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTokensPasswordGoesToDockerOnStdinForTheProxyEndpointsHost() {
        LoginService.Login login = service("https://123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                token("AWS:s3cr3t-token")).login(null, null);

        assertEquals("123456789012.dkr.ecr.eu-west-1.amazonaws.com", login.registry());
        assertEquals(List.of("docker", "login", "--username", "AWS", "--password-stdin",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com"), runner.commands.get(0).argv());
        assertEquals(List.of("s3cr3t-token"), stdins);
        assertArrayEquals(new byte[12], runner.commands.get(0).stdin(), "the password is wiped after the login");
        assertTrue(reporter.infos.contains("Logged in to 123456789012.dkr.ecr.eu-west-1.amazonaws.com (ECR registry "
                + "123456789012)"), reporter.infos.toString());
    }

    @Test
    void aGivenRegistryAddressReplacesTheProxyEndpoint() {
        LoginService.Login login = service("https://123456789012.dkr.ecr.us-east-1.amazonaws.com",
                token("AWS:t")).login(null, RegistryHost.parse("127.0.0.1:5000", "registry"));
        assertEquals("127.0.0.1:5000", login.registry());
        assertEquals("127.0.0.1:5000", runner.commands.get(0).argv().get(5));
    }

    @Test
    void aTokenThatIsNotBase64IsTheServicesFaultAndIsNeverShown() {
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service("https://123456789012.dkr.ecr.us-east-1.amazonaws.com", "not base64 %%% s3cr3t")
                        .login(null, null));
        assertTrue(e.getMessage().contains("not base64"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
        assertTrue(runner.commands.isEmpty(), "docker was not run");
    }

    @Test
    void aTokenWithoutAColonIsTheServicesFault() {
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service("https://123456789012.dkr.ecr.us-east-1.amazonaws.com", token("no-colon"))
                        .login(null, null));
        assertTrue(e.getMessage().contains("not user:password"), e.getMessage());
    }

    @Test
    void aProxyEndpointThatIsNoRegistryAddressIsTheServicesFault() {
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> service("https://host/with/a/path?q", token("AWS:t")).login(null, null));
        assertTrue(e.getMessage().startsWith("ECR GetAuthorizationToken returned a proxy endpoint that is not a "
                + "registry address: 'https://host/with/a/path?q'"), e.getMessage());
    }

    @Test
    void aFipsHostGetsTheTokenOfItsRegistryAndTheLoginNamesTheRegionItCameFrom() {
        LoginService service = service("https://123456789012.dkr.ecr.eu-west-1.amazonaws.com", token("AWS:t"));
        LoginService.Token t = service.token("123456789012");
        assertEquals("123456789012.dkr.ecr.eu-west-1.amazonaws.com", t.proxyEndpoint().address());
        assertFalse(t.toString().contains("dA=="), "the token's text is never in its description: " + t);

        LoginService.Login login = service.login(t,
                RegistryHost.parse("123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com", "image"), "eu-west-1");

        assertEquals("123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com", login.registry());
        assertEquals("123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com", runner.commands.get(0).argv().get(5));
        assertEquals(List.of("t"), stdins);
        assertTrue(reporter.infos.contains("Logged in to 123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com (ECR "
                + "registry 123456789012, token from region eu-west-1)"), reporter.infos.toString());
    }
}
