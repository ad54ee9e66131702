package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.IamFixtures;
import dev.ecrplugin.testing.IamFixtures.UserWithKey;
import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.MotoAuthOff;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Where {@link AwsClients} finds region and credentials, against moto's STS and IAM, with temporary shared config
 * and credentials files handed to the SDK's providers directly.
 */
@ExtendWith(MotoAuthOff.class)
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
    void aStaticKeyProfileIsUsedAndNamedNeverShown() throws IOException {
        UserWithKey user = newUser("sts:GetCallerIdentity");
        Supplier<ProfileFile> files = files("", "[usr1]\naws_access_key_id = " + user.accessKeyId()
                + "\naws_secret_access_key = " + user.secretAccessKey() + "\n");
        LocalStack.enforceIam(true);

        try (AwsClients aws = AwsClients.create(settings().withProfile("usr1"), reporter, files)) {
            assertEquals(user.arn(), aws.sts().getCallerIdentity().arn(), "moto knows the caller by the profile's key");
        }
        assertEquals(List.of("AWS credentials from profile 'usr1', region us-east-1 from <region>/-Decr.region"),
                infos);
        assertFalse(infos.get(0).contains(user.accessKeyId()));
    }

    @Test
    void aRoleArnProfileAssumesTheRoleThroughStsWithItsSourceProfile() throws IOException {
        UserWithKey user = newUser("sts:AssumeRole");
        String roleArn = newRole(user.arn());
        Supplier<ProfileFile> files = files("[profile deployer]\nrole_arn = " + roleArn
                + "\nsource_profile = base\nrole_session_name = from-profile\n",
                "[base]\naws_access_key_id = " + user.accessKeyId() + "\naws_secret_access_key = "
                        + user.secretAccessKey() + "\n");
        System.setProperty("aws.endpointUrlSts", LocalStack.endpoint()); // the SDK's own STS client of role_arn
        LocalStack.enforceIam(true);

        try (AwsClients aws = AwsClients.create(settings().withProfile("deployer"), reporter, files)) {
            GetCallerIdentityResponse me = aws.sts().getCallerIdentity();
            assertTrue(me.arn().endsWith(":assumed-role/" + roleName(roleArn) + "/from-profile"), me.arn());
        }
        assertTrue(infos.get(0).startsWith("AWS credentials from profile 'deployer'"), infos.toString());
    }

    @Test
    void anExplicitRoleArnIsAssumedOnTopOfTheProfileWithTheSameEndpoint() throws IOException {
        UserWithKey user = newUser("sts:AssumeRole");
        String roleArn = newRole(user.arn());
        Supplier<ProfileFile> files = files("", "[usr1]\naws_access_key_id = " + user.accessKeyId()
                + "\naws_secret_access_key = " + user.secretAccessKey() + "\n");
        LocalStack.enforceIam(true);

        AwsSettings settings = settings().withProfile("usr1").withRole(new RoleToAssume(roleArn, "ci-42", "ext-1"));
        try (AwsClients aws = AwsClients.create(settings, reporter, files)) {
            GetCallerIdentityResponse me = aws.sts().getCallerIdentity();
            assertTrue(me.arn().endsWith(":assumed-role/" + roleName(roleArn) + "/ci-42"), me.arn());
        }
        assertEquals(List.of("AWS credentials from assumed role " + roleArn + " (session ci-42) on top of profile "
                + "'usr1', region us-east-1 from <region>/-Decr.region"), infos);
    }

    @Test
    void anUnknownKeyUnderEnforcementFailsBeforeTheRoleIsUsed() throws IOException {
        UserWithKey user = newUser("sts:AssumeRole");
        String roleArn = newRole(user.arn());
        Supplier<ProfileFile> files = files("", "[usr1]\naws_access_key_id = AKIANOTAKEY000000000\n"
                + "aws_secret_access_key = nope\n");
        LocalStack.enforceIam(true);

        AwsSettings settings = settings().withProfile("usr1").withRole(RoleToAssume.of(roleArn, null, null));
        SdkException e = assertThrows(SdkException.class, () -> AwsClients.create(settings, reporter, files));
        assertTrue(AwsErrors.translate("test", e).getMessage().contains("InvalidClientTokenId"), e.getMessage());
        assertTrue(infos.isEmpty());
    }

    @Test
    void aWebIdentityTokenFileProfileAssumesTheRoleThroughSts() throws IOException {
        String roleArn = newRole("arn:aws:iam::123456789012:user/nobody");
        Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln");
        Supplier<ProfileFile> files = files("[profile ci]\nrole_arn = " + roleArn + "\nweb_identity_token_file = "
                + token + "\nrole_session_name = oidc-run\n", "");
        System.setProperty("aws.endpointUrlSts", LocalStack.endpoint());

        try (AwsClients aws = AwsClients.create(settings().withProfile("ci"), reporter, files)) {
            GetCallerIdentityResponse me = aws.sts().getCallerIdentity();
            assertTrue(me.arn().contains(":assumed-role/" + roleName(roleArn) + "/"), me.arn());
        }
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
    void theProfilesRegionIsUsedWhenNeitherParameterNorEnvironmentGivesOne() throws IOException {
        Supplier<ProfileFile> files = files("[profile eu]\nregion = eu-west-3\n[default]\nregion = ap-south-1\n", "");
        AwsRegionProvider noEnvironment = () -> {
            throw SdkClientException.create("no aws.region, no AWS_REGION");
        };

        assertEquals("eu-west-3", AwsClients.resolveRegion(new AwsSettings(null, "eu", null), files, noEnvironment)
                .id());
        assertEquals("us-east-1", AwsClients.resolveRegion(new AwsSettings(null, "eu", null), files,
                () -> Region.US_EAST_1).id(), "aws.region/AWS_REGION come before the profile, as in the SDK");
    }

    @Test
    void aProfileWithoutCredentialsIsTheUsersMistakeNamingTheProfile() throws IOException {
        Supplier<ProfileFile> files = files("[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/r\n"
                + "source_profile = base\n[profile base]\nregion = eu-west-3\n",
                "[usr1]\naws_access_key_id = AKIAUSR1\naws_secret_access_key = usr1-secret\n");

        SdkException missing = assertThrows(SdkException.class,
                () -> AwsClients.create(settings().withProfile("nope"), reporter, files));
        EcrPluginException e = AwsErrors.translate("ecr:create-repository", missing);
        assertInstanceOf(InvalidInputException.class, e);
        assertEquals("ecr:create-repository: the AWS profile 'nope' has no credentials in "
                + ProfileFileLocation.configurationFilePath() + " or " + ProfileFileLocation.credentialsFilePath()
                + " (the shared AWS files; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move them). Fix "
                + "<profile>/-Decr.profile, or add the profile: aws configure --profile nope", e.getMessage());
        assertFalse(e.getMessage().contains("usr1-secret"));

        InvalidInputException noSource = assertThrows(InvalidInputException.class,
                () -> AwsClients.create(settings().withProfile("deployer"), reporter, files));
        assertTrue(noSource.getMessage().startsWith("The AWS profile 'deployer' (<profile>/-Decr.profile) cannot be "
                + "used: The source profile of 'deployer' was configured to be 'base', but that source profile has "
                + "no credentials configured. Fix it in "), noSource.getMessage());
        assertTrue(infos.isEmpty());
    }

    @Test
    void aSecretLoggerMadeEarlierAtDebugIsAWarning() {
        // another plugin of the build made the logger under -X before this plugin could hold it at INFO
        String name = "dev.ecrplugin.test.made.earlier." + UUID.randomUUID().toString().substring(0, 8);
        String key = "org.slf4j.simpleLogger.log." + name;
        System.setProperty(key, "debug");
        org.slf4j.LoggerFactory.getLogger(name);
        System.clearProperty(key);
        String quiet = "dev.ecrplugin.test.made.now." + UUID.randomUUID().toString().substring(0, 8);
        RecordingReporter warnings = new RecordingReporter();
        try {
            AwsClients.quietSecretLoggers(List.of(name, quiet), warnings);
        } finally {
            System.clearProperty(key);
            System.clearProperty("org.slf4j.simpleLogger.log." + quiet);
        }
        assertEquals(List.of("The logger " + name + " already prints DEBUG (another plugin of this build made it "
                + "first) and may show secrets under -X: run without -X, or with -D" + key + "=info"), warnings.warnings);
    }

    @Test
    void theSecretLoggersAreOffUnlessTheUserSetTheirLevel() {
        // the signers' canonical requests show the session token; hc5's headers and wire show the proxy's
        // credentials and the bodies (a web identity JWT, a returned secret key)
        assertTrue(AwsClients.SECRET_LOGGERS.containsAll(List.of(
                "software.amazon.awssdk.http.auth.aws.internal.signer", "software.amazon.awssdk.auth.signer",
                "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire")),
                AwsClients.SECRET_LOGGERS.toString());
        List<String> keys = AwsClients.SECRET_LOGGERS.stream().map(l -> "org.slf4j.simpleLogger.log." + l).toList();
        Map<String, String> before = new HashMap<>();
        keys.forEach(k -> before.put(k, System.getProperty(k)));
        String userSet = keys.get(keys.size() - 1);
        try {
            keys.forEach(System::clearProperty);
            System.setProperty(userSet, "debug");
            AwsClients.create(settings().withCredentials(new StaticCredentials("test", "AKIA", "s", "t")), reporter)
                    .close();
            for (String key : keys.subList(0, keys.size() - 1)) {
                assertEquals("info", System.getProperty(key), key);
            }
            assertEquals("debug", System.getProperty(userSet), "a level the user set is kept");
        } finally {
            before.forEach(AwsClientsTest::restore);
        }
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
    void theRegionComesFromTheSdkChainWhenNotGiven() throws IOException {
        // the stack's environment exports AWS_REGION=us-east-1, which the SDK puts before the profile's region
        Supplier<ProfileFile> files = files("[profile eu]\nregion = eu-west-3\n",
                "[eu]\naws_access_key_id = a\naws_secret_access_key = b\n");
        try (AwsClients aws = AwsClients.create(new AwsSettings(null, "eu", null), reporter, files)) {
            assertEquals(System.getenv("AWS_REGION"), aws.region().id());
        }
        assertTrue(infos.get(0).endsWith("region us-east-1 from the AWS SDK region chain (AWS_REGION, aws.region, "
                + "the profile's region)"), infos.toString());
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
    void providerNamesAreSaidInWords() {
        assertEquals("a web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN) (default credentials "
                + "chain)", AwsClients.describeProvider("h,k"));
        assertEquals("an SSO profile of the shared AWS config (default credentials chain)",
                AwsClients.describeProvider("n,r"));
        assertEquals("a role_arn profile of the shared AWS config (default credentials chain)",
                AwsClients.describeProvider("n,o,i"));
        assertEquals("Java system properties (default credentials chain)", AwsClients.describeProvider("f"));
        assertEquals("the instance metadata service (default credentials chain)", AwsClients.describeProvider("0"));
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

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    // --- helpers: an IAM user with keys and one allowed action, a role whose trust policy names a user ---

    private static AwsSettings settings() {
        return AwsSettings.of(LocalStack.REGION, null, LocalStack.endpoint());
    }

    private static UserWithKey newUser(String action) {
        return IamFixtures.userWithKey("creds-" + UUID.randomUUID().toString().substring(0, 8),
                IamFixtures.allowing(action, "sts:GetCallerIdentity"));
    }

    private static String newRole(String trustedUserArn) {
        String name = "creds-role-" + UUID.randomUUID().toString().substring(0, 8);
        try (IamClient iam = LocalStack.iam()) {
            String arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                            + trustedUserArn + "\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
            iam.putRolePolicy(r -> r.roleName(name).policyName("p").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                            + "[\"sts:GetCallerIdentity\",\"ecr:*\"],\"Resource\":\"*\"}]}"));
            return arn;
        }
    }

    private static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    private Supplier<ProfileFile> files(String config, String credentials) throws IOException {
        Path configFile = Files.writeString(dir.resolve("config"), config);
        Path credentialsFile = Files.writeString(dir.resolve("credentials"), credentials);
        ProfileFile merged = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build())
                .addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build())
                .build();
        return () -> merged;
    }
}
