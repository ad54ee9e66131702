package dev.ecrplugin.aws;

import static dev.ecrplugin.aws.CredsFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.IamFixtures.UserWithKey;
import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.MotoAuthOff;
import dev.ecrplugin.testing.NeedsStack;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
/** {@link AwsClients}: the per-session holder of the clients, against moto (and a fake STS that holds its answer). */
@ExtendWith(MotoAuthOff.class)
@NeedsStack
class AwsClientsTest {

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> infos = reporter.infos;

    @AfterEach
    void enforcementOff() {
        LocalStack.enforceIam(false);
        System.clearProperty("aws.endpointUrlSts");
    }


    @Test
    void theDefaultChainSaysWhichSourceAnswered() throws IOException {
        // the stack's environment exports AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
        try (AwsClients aws = AwsClients.create(settings(), reporter, files("", ""))) {
            assertEquals(LocalStack.ACCOUNT, aws.accountId());
        }
        assertEquals(List.of("AWS credentials from environment variables (default credentials chain), region "
                + "us-east-1 from <region>/-Decr.region"), infos);
    }


    @Test
    void askingTheAccountIdBlocksNoOtherClient() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        HttpServer sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sts.createContext("/", exchange -> {
            asked.countDown();
            try {
                answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<GetCallerIdentityResult><Arn>arn:aws:iam::210987654321:user/u</Arn><UserId>AIDA</UserId>"
                    + "<Account>210987654321</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sts.start();
        AwsSettings settings = AwsSettings.of(LocalStack.REGION, null,
                "http://127.0.0.1:" + sts.getAddress().getPort()).withCredentials(
                        new StaticCredentials("test", "AKIA", "s", null));
        try (AwsClients aws = AwsClients.create(settings, reporter)) {
            CompletableFuture<String> account = CompletableFuture.supplyAsync(aws::accountId);
            // STS has the call and holds it (bounded: an accountId() that fails before sending would never ask)
            if (!asked.await(60, TimeUnit.SECONDS)) {
                fail("accountId() never reached the fake STS: " + (account.isCompletedExceptionally()
                        ? account.handle((v, e) -> String.valueOf(e)).join() : "still running"));
            }
            Thread other = new Thread(aws::ecr);
            other.start();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (other.isAlive()) {
                if (System.nanoTime() - deadline > 0) {
                    answer.countDown();
                    fail("ecr() neither ended nor blocked on the clients' lock within 60 s: " + other.getState());
                }
                ThreadInfo info = threads.getThreadInfo(other.getId());
                boolean blockedOnClients = info != null && info.getThreadState() == Thread.State.BLOCKED
                        && info.getLockInfo() != null
                        && info.getLockInfo().getIdentityHashCode() == System.identityHashCode(aws);
                if (blockedOnClients) {
                    answer.countDown();
                    fail("ecr() waited for the STS call of accountId()");
                }
                Thread.sleep(5); // polls the other thread's state, up to the deadline above
            }
            answer.countDown();
            assertEquals("210987654321", account.get(60, TimeUnit.SECONDS));
        } finally {
            answer.countDown();
            sts.stop(0);
        }
    }


    @Test
    void settingsXmlKeysAreUsedAndNamed() {
        UserWithKey user = newUser("sts:GetCallerIdentity");
        LocalStack.enforceIam(true);
        AwsSettings settings = settings().withCredentials(new StaticCredentials("settings.xml server 'aws'",
                user.accessKeyId(), user.secretAccessKey(), null));
        try (AwsClients aws = AwsClients.create(settings, reporter)) {
            assertEquals(user.arn(), aws.sts().getCallerIdentity().arn());
        }
        assertEquals("AWS credentials from settings.xml server 'aws', region us-east-1 from <region>/-Decr.region",
                infos.get(0));
        assertFalse(settings.toString().contains(user.secretAccessKey()), "toString hides the secret");
    }


    @Test
    void badRoleParametersNameTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RoleToAssume.of("role1", null, null));
        assertTrue(e.getMessage().startsWith("<roleArn> 'role1' is not an IAM role ARN"), e.getMessage());
        assertEquals("ecr-maven-plugin", RoleToAssume.of("arn:aws:iam::123456789012:role/r", " ", null).sessionName());
    }

    @Test
    void maven_nonProxyHostsBecomeTheClientsPatterns() {
        HttpProxy proxy = new HttpProxy("proxy", 3128, "*.internal.example|localhost|10.0.*", "u", "secret");
        assertEquals(URI.create("http://proxy:3128"), proxy.endpoint());
        List<String> patterns = List.copyOf(proxy.nonProxyHostPatterns());
        assertTrue("api.internal.example".matches(patterns.get(0)));
        assertFalse("internal.example.com".matches(patterns.get(0)));
        assertTrue("localhost".matches(patterns.get(1)));
        assertTrue("10.0.3.4".matches(patterns.get(2)));
        assertFalse(proxy.toString().contains("secret"));
    }


    private Supplier<ProfileFile> files(String config, String credentials) throws IOException {
        return CredsFixtures.files(dir, config, credentials);
    }
}
