package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Building clients ahead: on a thread of its own, each once, whoever asks first; no call is made (the endpoint is a
 * port nothing listens on, and building a client never touches the network).
 */
class AwsClientsWarmUpTest {

    private final RecordingReporter reporter = new RecordingReporter();

    private AwsClients clients() {
        AwsSettings settings = AwsSettings.of("us-east-1", null, "http://127.0.0.1:9")
                .withCredentials(new StaticCredentials("test keys", "AKIAWARMUPTEST000000", "not-a-secret", null));
        return AwsClients.create(settings, reporter, null, Ahead.NOTHING);
    }

    @Test
    void theClientsOfTheBuildAreBuiltAheadOnceAndHandedToTheGoal() throws Exception {
        try (AwsClients aws = clients()) {
            int before = aws.built();
            Thread warm = aws.warmUp(Set.of(AwsService.ECR, AwsService.IAM), reporter);
            assertTrue(warm.isDaemon());
            warm.join(60_000);
            assertEquals(before + 4, aws.built(), "ECR, IAM's two (with and without retries) and the HTTP client they "
                    + "share built on the warm-up thread");
            EcrClient ecr = aws.ecr();
            IamClient iam = aws.iam();
            IamClient sendingOnce = aws.iamSendingOnce();
            assertEquals(before + 4, aws.built(), "the goal gets them, nothing is built twice");
            assertSame(ecr, aws.ecr());
            assertNotSame(iam, sendingOnce);
            assertSame(sendingOnce, aws.iamSendingOnce());
            aws.sts();
            assertEquals(before + 5, aws.built(), "what was not warmed is built when asked (on the same HTTP client)");
        }
    }

    @Test
    void aGoalAskingWhileTheWarmUpBuildsGetsTheSameClient() throws Exception {
        try (AwsClients aws = clients()) {
            CountDownLatch go = new CountDownLatch(1);
            List<EcrClient> seen = new ArrayList<>();
            List<Thread> askers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    EcrClient c = aws.ecr();
                    synchronized (seen) {
                        seen.add(c);
                    }
                });
                t.start();
                askers.add(t);
            }
            int before = aws.built();
            Thread warm = aws.warmUp(Set.of(AwsService.ECR), reporter);
            go.countDown();
            warm.join(60_000);
            for (Thread t : askers) {
                t.join(60_000);
            }
            assertEquals(4, seen.size());
            seen.forEach(c -> assertSame(seen.get(0), c));
            assertEquals(before + 2, aws.built(), "one ECR client, and its HTTP client");
        }
    }

    @Test
    void nothingToWarmStartsNoThreadAndAClosedSessionClosesWhatIsFinishedLate() throws Exception {
        AwsClients aws = clients();
        assertNull(aws.warmUp(Set.of(), reporter));
        aws.close();
        int afterClose = aws.built();
        aws.warmUp(Set.of(AwsService.ECR), reporter).join(60_000);
        assertEquals(afterClose, aws.built(), "built after close: closed at once, not held");
    }

    /** A local STS that answers GetCallerIdentity with account 210987654321, counting the calls. */
    private static final class CountingSts implements AutoCloseable {
        final AtomicInteger calls = new AtomicInteger();
        final HttpServer server;

        CountingSts() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                byte[] answer = ("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<GetCallerIdentityResult><Arn>arn:aws:iam::210987654321:user/u</Arn><UserId>AIDA</UserId>"
                        + "<Account>210987654321</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")
                        .getBytes(StandardCharsets.UTF_8);
                if (body.contains("Action=GetCallerIdentity")) {
                    calls.incrementAndGet();
                }
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private AwsSettings keysFor(String endpoint) {
        return AwsSettings.of("us-east-1", null, endpoint)
                .withCredentials(new StaticCredentials("test keys", "AKIAWARMUPTEST000000", "not-a-secret", null));
    }

    @Test
    void theAccountAskedAheadIsAskedOnceWithoutTheGoalAsking() throws Exception {
        try (CountingSts sts = new CountingSts();
                AwsClients aws = AwsClients.create(keysFor(sts.endpoint()), reporter, null,
                        new Ahead(Set.of(AwsService.IAM), true))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (sts.calls.get() == 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(10); // polls for the ahead thread's call, up to the deadline
            }
            assertEquals(1, sts.calls.get(), "create() asked the account on its own thread");
            assertEquals("210987654321", aws.accountId());
            assertEquals("210987654321", aws.accountId());
            assertEquals(1, sts.calls.get(), "the goal got the answer asked ahead, no second call");
        }
        assertTrue(reporter.debugs.stream().anyMatch(d -> d.matches("STS GetCallerIdentity took \\d+ ms")),
                reporter.debugs.toString());
    }

    @Test
    void withoutAccountAheadNothingIsAskedUntilTheGoalAsks() throws Exception {
        try (CountingSts sts = new CountingSts();
                AwsClients aws = AwsClients.create(keysFor(sts.endpoint()), reporter, null,
                        new Ahead(Set.of(AwsService.STS), false))) {
            Thread.sleep(500); // time for a wrong ahead call to arrive: none may
            assertEquals(0, sts.calls.get());
            assertEquals("210987654321", aws.accountId());
            assertEquals(1, sts.calls.get());
        }
    }

    @Test
    void anAccountTheProfileDeclaresIsNotTakenForTheCallersOwn(@TempDir Path dir) throws Exception {
        try (CountingSts sts = new CountingSts()) {
            AwsSettings settings = AwsSettings.of("us-east-1", "declares", sts.endpoint());
            Supplier<ProfileFile> files = CredsFixtures.files(dir, "", "[declares]\n"
                    + "aws_access_key_id = AKIADECLARES000000000\naws_secret_access_key = not-a-secret\n"
                    + "aws_account_id = 345678901234\n");
            try (AwsClients aws = AwsClients.create(settings, reporter, files)) {
                assertEquals("210987654321", aws.accountId(), "STS's answer, not the profile's declaration");
                assertEquals(1, sts.calls.get());
            }
        }
    }
}
