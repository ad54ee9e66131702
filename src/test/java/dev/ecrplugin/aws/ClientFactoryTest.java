package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.NeedsStack;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * What every client of {@link ClientFactory} does when its endpoint fails: a server that accepts connections and
 * never answers (a local {@link ServerSocket}) is given up after the call or attempt timeout, and every network
 * failure names the URL, where it came from and the parameter to change. Each test is bounded by a JUnit timeout;
 * none measures time.
 */
class ClientFactoryTest {

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void silentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept()); // accepted, read from never, answered never
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    private String silentUrl() {
        return "http://127.0.0.1:" + silent.getLocalPort();
    }

    @Test
    @Timeout(60)
    @NeedsStack
    void aFipsOrDualStackRegistryHostsTokenComesFromThatFormOfTheEcrApiOnAwsOnly() {
        // no endpoint of ours: AWS's own, which this machine cannot reach; the failure names the URL the SDK chose
        try (AwsClients aws = AwsClients.create(keys(null, AwsTimeouts.ofSeconds(4, 2)), reporter)) {
            Region region = Region.US_EAST_1;
            assertSame(aws.ecr(), aws.ecr(region, false, false));
            String fips = assertThrows(SdkClientException.class,
                    () -> aws.ecr(region, true, false).getAuthorizationToken()).getMessage();
            assertTrue(fips.startsWith("ECR at https://api.ecr-fips.us-east-1.amazonaws.com (AWS's own endpoint)"), fips);
            String dual = assertThrows(SdkClientException.class,
                    () -> aws.ecr(region, false, true).getAuthorizationToken()).getMessage();
            assertTrue(dual.startsWith("ECR at https://ecr.us-east-1.api.aws (AWS's own endpoint)"), dual);
            String standard = assertThrows(SdkClientException.class,
                    () -> aws.ecr().getAuthorizationToken()).getMessage();
            assertTrue(standard.startsWith("ECR at https://api.ecr.us-east-1.amazonaws.com (AWS's own endpoint)"),
                    standard);
        }
        // a custom endpoint is used as it is for every form (the SDK refuses FIPS with one)
        try (AwsClients aws = AwsClients.create(keys(LocalStack.endpoint(), null), reporter)) {
            assertSame(aws.ecr(), aws.ecr(Region.US_EAST_1, true, true));
        }
    }

    private static AwsSettings keys(String endpoint, AwsTimeouts timeouts) {
        return AwsSettings.of("us-east-1", null, endpoint).withTimeouts(timeouts)
                .withCredentials(new StaticCredentials("test keys", "AKIATEST", "secret", null));
    }

    @Test
    @Timeout(90)
    void anEndpointThatNeverAnswersFailsAfterTheDefaultCallTimeoutNamingUrlAndParameter() {
        try (AwsClients aws = AwsClients.create(keys(silentUrl(), null), reporter)) {
            ApiCallTimeoutException e = assertThrows(ApiCallTimeoutException.class,
                    () -> aws.ecr().describeRepositories());
            assertEquals("ECR at " + silentUrl() + " (<endpoint>/-Decr.endpoint) did not answer within 30 s (the "
                    + "whole call, retries included): raise <apiCallTimeout>/-Decr.apiCallTimeout, or check "
                    + "<endpoint>/-Decr.endpoint", e.getMessage());
            EcrPluginException failure = AwsErrors.translate("ecr:create-repository", e);
            assertInstanceOf(OperationFailedException.class, failure);
            assertEquals("ecr:create-repository: " + e.getMessage(), failure.getMessage());
            assertEquals(null, e.getCause(), "no SDK cause for Maven to append to the error line");
            assertTrue(e.getSuppressed().length == 1, "the SDK's exception is kept for -e");
        }
    }

    @Test
    @Timeout(60)
    void eachAttemptHasItsOwnTimeoutAndTheSdkRetriesInStandardMode() {
        try (AwsClients aws = AwsClients.create(keys(silentUrl(), AwsTimeouts.ofSeconds(50, 1)), reporter)) {
            ApiCallAttemptTimeoutException e = assertThrows(ApiCallAttemptTimeoutException.class,
                    () -> aws.sts().getCallerIdentity());
            assertEquals("STS at " + silentUrl() + " (<endpoint>/-Decr.endpoint) did not answer within 1 s, at "
                    + "each attempt: raise <apiCallAttemptTimeout>/-Decr.apiCallAttemptTimeout, or check "
                    + "<endpoint>/-Decr.endpoint", e.getMessage());
            // STANDARD: 3 attempts (the legacy mode's would be 4), each accepted by the silent server
            assertEquals(3, held.size(), "connections the SDK opened");
        }
    }

    @Test
    @Timeout(60)
    @NeedsStack
    void aCertificateTheJvmDoesNotTrustIsATlsFailureNamingTheUrl() {
        // the stack's registry: TLS with the stack's own CA, which the JVM does not trust (as a TLS-inspecting proxy's)
        String url = LocalStack.registryUrl();
        try (AwsClients aws = AwsClients.create(keys(url, AwsTimeouts.ofSeconds(20, 10)), reporter)) {
            SdkClientException e = assertThrows(SdkClientException.class, () -> aws.ecr().describeRepositories());
            assertTrue(e.getMessage().startsWith("ECR at " + url + " (<endpoint>/-Decr.endpoint) failed the TLS "
                    + "handshake: "), e.getMessage());
            assertTrue(e.getMessage().contains("PKIX path building failed"), e.getMessage());
            assertTrue(e.getMessage().endsWith(". Check <endpoint>/-Decr.endpoint"), e.getMessage());
        }
    }

    @Test
    @Timeout(60)
    void theMachinesMaxAttemptsApplyWithinTheCallTimeout() {
        // aws.maxAttempts, as AWS_MAX_ATTEMPTS (NoRetryTest: a profile's max_attempts): users who raise it get it
        System.setProperty("aws.maxAttempts", "6");
        try (AwsClients aws = AwsClients.create(keys(silentUrl(), AwsTimeouts.ofSeconds(50, 1)), reporter)) {
            assertThrows(ApiCallAttemptTimeoutException.class, () -> aws.sts().getCallerIdentity());
            assertEquals(6, held.size(), "max_attempts' 6, not STANDARD's default 3");
        } finally {
            System.clearProperty("aws.maxAttempts");
        }
    }

    @Test
    @Timeout(60)
    void aRoleArnProfilesStsCallHasTheTimeoutsAndTheEndpointToo() throws IOException {
        Supplier<ProfileFile> files = CredsFixtures.files(dir, "[profile deployer]\nrole_arn = "
                + "arn:aws:iam::123456789012:role/r\nsource_profile = base\n",
                "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n");
        AwsSettings settings = AwsSettings.of("us-east-1", "deployer", silentUrl())
                .withTimeouts(AwsTimeouts.ofSeconds(2, 1));
        ApiCallTimeoutException e = assertThrows(ApiCallTimeoutException.class,
                () -> AwsClients.create(settings, reporter, files));
        assertEquals("STS at " + silentUrl() + " (<endpoint>/-Decr.endpoint) did not answer within 2 s (the whole "
                + "call, retries included): raise <apiCallTimeout>/-Decr.apiCallTimeout, or check "
                + "<endpoint>/-Decr.endpoint", e.getMessage());
    }

    @Test
    @Timeout(60)
    void aRefusedConnectionNamesTheUrlAndItsSource() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        try (AwsClients aws = AwsClients.create(keys(url, AwsTimeouts.ofSeconds(10, 5)), reporter)) {
            UnreachableEndpointException e = assertThrows(UnreachableEndpointException.class,
                    () -> aws.iam().listUsers());
            assertTrue(e.getMessage().startsWith("IAM at " + url + " (<endpoint>/-Decr.endpoint) cannot be reached: "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(". Check <endpoint>/-Decr.endpoint"), e.getMessage());
            assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
        }
    }

    @Test
    @Timeout(60)
    void anUnknownHostNamesTheUrlAndNoSdkObject() {
        try (AwsClients aws = AwsClients.create(keys("http://ecr.nothing.invalid:8080", AwsTimeouts.ofSeconds(10, 5)),
                reporter)) {
            UnreachableEndpointException e = assertThrows(UnreachableEndpointException.class,
                    () -> aws.ecr().describeRepositories());
            assertEquals("ECR at http://ecr.nothing.invalid:8080 (<endpoint>/-Decr.endpoint) cannot be reached: "
                    + "unknown host ecr.nothing.invalid. Check <endpoint>/-Decr.endpoint", e.getMessage());
        }
    }

    @Test
    void badTimeoutsNameTheParameter() {
        assertEquals("<apiCallTimeout> 0 is not a number of seconds: use 1 or more (POM <apiCallTimeout> or "
                + "-Decr.apiCallTimeout; default 30)", assertThrows(dev.ecrplugin.core.InvalidInputException.class,
                        () -> AwsTimeouts.ofSeconds(0, 10)).getMessage());
        assertTrue(assertThrows(dev.ecrplugin.core.InvalidInputException.class, () -> AwsTimeouts.ofSeconds(30, -1))
                .getMessage().contains("-Decr.apiCallAttemptTimeout"));
        assertEquals(AwsTimeouts.DEFAULT, new AwsSettings(null, null, null).timeouts());
    }

    @Test
    void theSourceOfAnEndpointIsNamedInTheSdksOrder() throws IOException {
        Supplier<ProfileFile> files = CredsFixtures.files(dir, "[profile p]\nendpoint_url = http://all\nservices = s\n"
                + "[services s]\nsts =\n  endpoint_url = http://sts\n", "");
        AwsSettings none = new AwsSettings(null, "p", null);
        java.util.Map<String, String> env = new java.util.HashMap<>();
        java.util.Map<String, String> props = new java.util.HashMap<>();
        java.util.function.Function<AwsService, String> label = s -> EndpointSource.of(s, none, files, props::get,
                env::get).label();

        assertEquals("sts.endpoint_url of the services section 's' of the AWS profile 'p'", label.apply(AwsService.STS));
        assertEquals("endpoint_url of the AWS profile 'p'", label.apply(AwsService.ECR));
        env.put("AWS_ENDPOINT_URL", "http://env");
        assertEquals("the environment variable AWS_ENDPOINT_URL", label.apply(AwsService.STS));
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", "http://oidc");
        assertEquals("the environment variable AWS_ENDPOINT_URL_SSO_OIDC", label.apply(AwsService.SSO_OIDC));
        props.put("aws.endpointUrlSts", "http://prop");
        assertEquals("the system property aws.endpointUrlSts", label.apply(AwsService.STS));
        assertEquals("<endpoint>/-Decr.endpoint", EndpointSource.of(AwsService.STS, AwsSettings.of(null, "p",
                "http://moto:5000"), files, props::get, env::get).label());
        env.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertEquals("AWS's own endpoint", label.apply(AwsService.STS));
        assertEquals("AWS's own endpoint", EndpointSource.of(AwsService.IAM, new AwsSettings(null, "nope", null),
                CredsFixtures.files(dir, "", ""), k -> null, k -> null).label());
    }
}
