package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * What the SDK (url-connection client) really sends when a call fails, counted by a socket server: the client-level
 * STANDARD retries repeat a failed call, the plugin's client sending once ({@link ClientFactory#buildSendingOnce},
 * {@link AwsClients#iamSendingOnce()}) sends it once, and a create that the SDK retries after a lost answer fails
 * with a "numAttempts" above 1.
 */
class NoRetryTest {

    private Server server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** The plugin's IAM clients, as {@link AwsClients} has them built, against the server. */
    private ClientFactory factory() {
        return new ClientFactory(AwsSettings.of("us-east-1", null, "http://127.0.0.1:" + server.port()), null,
                new Closer(), new RecordingReporter());
    }

    private static StaticCredentialsProvider keys() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "s"));
    }

    private IamClient iam() {
        return IamClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "s")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                        .toBuilder().backoffStrategy(a -> java.time.Duration.ZERO).build()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Test
    void aFiveHundredIsRetriedByTheClientButNotByTheClientSendingOnce() throws IOException {
        server = Server.start(n -> Answer.SERVICE_FAILURE);
        try (IamClient iam = iam()) {
            IamException retried = assertThrows(IamException.class, () -> iam.createAccessKey(r -> r.userName("u")));
            assertEquals(3, server.actions().size(), "STANDARD: 3 attempts " + server.actions());
            assertEquals(3, retried.numAttempts());
            assertTrue(NoRetry.outcomeUnknown(retried));
        }
        ClientFactory factory = factory();
        try (IamClient sendingOnce = factory.buildSendingOnce(IamClient.builder(), AwsService.IAM, Region.US_EAST_1,
                keys()); IamClient retrying = factory.build(IamClient.builder(), AwsService.IAM, Region.US_EAST_1,
                keys())) {
            server.actions().clear();
            IamException once = assertThrows(IamException.class,
                    () -> sendingOnce.createAccessKey(r -> r.userName("u")));
            assertEquals(List.of("CreateAccessKey"), server.actions());
            assertEquals(500, once.statusCode());
            assertEquals(1, once.numAttempts());

            server.actions().clear();
            IamException retried = assertThrows(IamException.class,
                    () -> retrying.listAccessKeys(r -> r.userName("u")));
            assertEquals(3, server.actions().size(), "the plugin's other clients keep STANDARD's retries");
            assertEquals(3, retried.numAttempts());
        }
    }

    @Test
    void aProfilesRetrySettingsDoNotBringRetriesBackToTheClientSendingOnce() throws IOException {
        server = Server.start(n -> Answer.SERVICE_FAILURE);
        ClientFactory factory = factoryWithProfile("[profile retries]\nretry_mode = standard\nmax_attempts = 4\n");
        try (IamClient sendingOnce = factory.buildSendingOnce(IamClient.builder(), AwsService.IAM, Region.US_EAST_1,
                keys())) {
            server.actions().clear();
            IamException once = assertThrows(IamException.class,
                    () -> sendingOnce.createAccessKey(r -> r.userName("u")));
            assertEquals(List.of("CreateAccessKey"), server.actions());
            assertEquals(1, once.numAttempts());
        }
    }

    /** A factory for {@code <profile>} {@code profile} (null: none) whose config file holds {@code profileText}. */
    private ClientFactory factoryWithProfile(String profile, String profileText) {
        ProfileFile profiles = ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION).content(profileText).build();
        return new ClientFactory(AwsSettings.of("us-east-1", profile, "http://127.0.0.1:" + server.port()),
                () -> profiles, new Closer(), new RecordingReporter());
    }

    private ClientFactory factoryWithProfile(String profileText) {
        return factoryWithProfile("retries", profileText);
    }

    /** What the machine sets would come first (aws.maxAttempts is set by one test here, and reset). */
    private static void assumeNoMaxAttemptsOrProfileFromTheEnvironment() {
        assumeTrue(System.getenv("AWS_MAX_ATTEMPTS") == null && System.getProperty("aws.maxAttempts") == null
                && System.getenv("AWS_PROFILE") == null && System.getProperty("aws.profile") == null,
                "AWS_MAX_ATTEMPTS or AWS_PROFILE is set on this machine");
    }

    @Test
    void theMaxAttemptsOfTheNamedProfileSetTheRetryingClientsAttempts() throws IOException {
        assumeNoMaxAttemptsOrProfileFromTheEnvironment();
        server = Server.start(n -> Answer.SERVICE_FAILURE);
        try (IamClient retrying = factoryWithProfile("[profile retries]\nmax_attempts = 4\n[default]\nmax_attempts = 2\n")
                .build(IamClient.builder(), AwsService.IAM, Region.US_EAST_1, keys())) {
            IamException e = assertThrows(IamException.class, () -> retrying.listAccessKeys(r -> r.userName("u")));
            assertEquals(4, server.actions().size(), "max_attempts = 4: " + server.actions());
            assertEquals(4, e.numAttempts());
        }
    }

    @Test
    void withoutAProfileTheDefaultProfilesMaxAttemptsApply() throws IOException {
        assumeNoMaxAttemptsOrProfileFromTheEnvironment();
        server = Server.start(n -> Answer.SERVICE_FAILURE);
        try (IamClient retrying = factoryWithProfile(null, "[profile retries]\nmax_attempts = 2\n[default]\nmax_attempts = 5\n")
                .build(IamClient.builder(), AwsService.IAM, Region.US_EAST_1, keys())) {
            assertThrows(IamException.class, () -> retrying.listAccessKeys(r -> r.userName("u")));
            assertEquals(5, server.actions().size(), "the default profile's max_attempts = 5: " + server.actions());
        }
    }

    @Test
    void theSystemPropertyComesBeforeTheProfilesMaxAttempts() throws IOException {
        server = Server.start(n -> Answer.SERVICE_FAILURE);
        String before = System.getProperty("aws.maxAttempts");
        System.setProperty("aws.maxAttempts", "2");
        try (IamClient retrying = factoryWithProfile("[profile retries]\nmax_attempts = 4\n")
                .build(IamClient.builder(), AwsService.IAM, Region.US_EAST_1, keys())) {
            assertThrows(IamException.class, () -> retrying.listAccessKeys(r -> r.userName("u")));
            assertEquals(2, server.actions().size(), "aws.maxAttempts=2 first, as the SDK has it: " + server.actions());
        } finally {
            if (before == null) {
                System.clearProperty("aws.maxAttempts");
            } else {
                System.setProperty("aws.maxAttempts", before);
            }
        }
    }

    @Test
    void aMaxAttemptsThatIsNoNumberSaysWhereToFixIt() throws IOException {
        assumeNoMaxAttemptsOrProfileFromTheEnvironment();
        server = Server.start(n -> Answer.SERVICE_FAILURE);
        ClientFactory factory = factoryWithProfile("[profile retries]\nmax_attempts = many\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> factory.build(IamClient.builder(), AwsService.IAM, Region.US_EAST_1, keys()));
        assertEquals("max_attempts = many in the AWS profile 'retries' is not a whole number of 1 or more: fix it in "
                + "the AWS config file (1 means no retries)", e.getMessage());
        assertEquals(List.of(), server.actions());
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsSentOnceByTheClientSendingOnce() throws IOException {
        server = Server.start(n -> Answer.DROP);
        try (IamClient iam = factory().buildSendingOnce(IamClient.builder(), AwsService.IAM, Region.US_EAST_1,
                keys())) {
            iam.listUsers(); // as in a goal: earlier calls leave a kept-alive connection, which the create reuses
            server.actions().clear();
            SdkException e = assertThrows(SdkException.class, () -> iam.createAccessKey(r -> r.userName("u")));
            assertTrue(e instanceof SdkClientException, e.toString());
            assertTrue(NoRetry.outcomeUnknown(e));
            // sent once also on a reused kept-alive connection: HttpURLConnection does not re-send the POST itself
            assertEquals(List.of("CreateAccessKey"), server.actions());
        }
    }

    @Test
    void aCreateWhoseAnswerWasLostFailsOnTheRetryWithMoreThanOneAttempt() throws IOException {
        server = Server.start(n -> n == 1 ? Answer.SERVICE_FAILURE : Answer.ALREADY_EXISTS);
        try (IamClient iam = iam()) {
            EntityAlreadyExistsException e = assertThrows(EntityAlreadyExistsException.class,
                    () -> iam.createUser(r -> r.userName("u")));
            assertEquals(2, e.numAttempts());
            assertFalse(NoRetry.outcomeUnknown(e));
        }
    }

    @Test
    void throttlingAndOtherRefusalsAreKnownOutcomes() {
        assertFalse(NoRetry.outcomeUnknown(IamException.builder().statusCode(400).message("Throttling").build()));
        assertFalse(NoRetry.outcomeUnknown(IamException.builder().statusCode(409).message("LimitExceeded").build()));
        assertTrue(NoRetry.outcomeUnknown(IamException.builder().statusCode(503).message("unavailable").build()));
        assertTrue(NoRetry.outcomeUnknown(SdkClientException.create("Connection reset")));
    }

    enum Answer { OK, SERVICE_FAILURE, ALREADY_EXISTS, DROP }

    /** Reads each request in full, records its Action, answers as told for the n-th request (1-based). */
    private static final class Server implements AutoCloseable {
        private final ServerSocket socket;
        private final List<String> actions = new CopyOnWriteArrayList<>();

        private Server(ServerSocket socket) {
            this.socket = socket;
        }

        static Server start(IntFunction<Answer> answers) throws IOException {
            Server server = new Server(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            AtomicInteger n = new AtomicInteger();
            Thread thread = new Thread(() -> {
                while (!server.socket.isClosed()) {
                    try (Socket client = server.socket.accept()) {
                        Answer answer;
                        do { // keep-alive: the SDK reuses the connection after an answer that keeps it open
                            String body = readRequest(client.getInputStream());
                            String action = body.replaceAll("(?s).*Action=([A-Za-z]+).*", "$1");
                            server.actions.add(action);
                            answer = action.equals("ListUsers") ? Answer.OK : answers.apply(n.incrementAndGet());
                            if (answer != Answer.DROP) {
                                respond(client.getOutputStream(), answer);
                            }
                        } while (answer == Answer.OK);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "no-retry-test-server");
            thread.setDaemon(true);
            thread.start();
            return server;
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> actions() {
            return actions;
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed");
                }
                head.write(b);
            }
            int length = 0;
            for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        private static void respond(OutputStream out, Answer answer) throws IOException {
            if (answer == Answer.OK) {
                byte[] ok = ("<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListUsersResult>"
                        + "<Users/><IsTruncated>false</IsTruncated></ListUsersResult><ResponseMetadata><RequestId>r-0"
                        + "</RequestId></ResponseMetadata></ListUsersResponse>").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + ok.length
                        + "\r\nx-amzn-RequestId: r-0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(ok);
                out.flush();
                return;
            }
            String status = answer == Answer.SERVICE_FAILURE ? "500 Internal Server Error" : "409 Conflict";
            String code = answer == Answer.SERVICE_FAILURE ? "ServiceFailure" : "EntityAlreadyExists";
            String body = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>"
                    + (answer == Answer.SERVICE_FAILURE ? "Receiver" : "Sender") + "</Type><Code>" + code
                    + "</Code><Message>test</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/xml\r\nContent-Length: " + bytes.length
                    + "\r\nx-amzn-RequestId: r-1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
