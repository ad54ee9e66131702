package dev.ecrplugin.aws;

import static dev.ecrplugin.aws.CredsFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.IamFixtures.UserWithKey;
import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.MotoAuthOff;
import dev.ecrplugin.testing.NeedsStack;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
/**
 * Where {@link CredentialsResolver} finds credentials, against moto's STS and IAM (IAM enforced where it matters),
 * with temporary shared config and credentials files, and with {@code <endpoint>} only: every STS, SSO and SSO-OIDC
 * call of a credential route goes to it through the plugin's own clients (no AWS_ENDPOINT_URL_STS).
 */
@ExtendWith(MotoAuthOff.class)
@NeedsStack
class CredentialsResolverTest {

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

        try (AwsClients aws = AwsClients.create(settings().withProfile("ci"), reporter, files)) {
            GetCallerIdentityResponse me = aws.sts().getCallerIdentity();
            assertTrue(me.arn().contains(":assumed-role/" + roleName(roleArn) + "/"), me.arn());
        }
    }


    @Test
    void aChainOfTwoRoleArnProfilesAssumesEachRoleInTurnWithTheEndpointOnly() throws IOException {
        UserWithKey user = newUser("sts:AssumeRole");
        String first = newRole(user.arn());
        String second = newRole("arn:aws:sts::123456789012:assumed-role/" + roleName(first) + "/hop-1");
        Supplier<ProfileFile> files = files("[profile deployer]\nrole_arn = " + second + "\nsource_profile = hop\n"
                + "role_session_name = hop-2\n[profile hop]\nrole_arn = " + first + "\nsource_profile = base\n"
                + "role_session_name = hop-1\n", "[base]\naws_access_key_id = " + user.accessKeyId()
                + "\naws_secret_access_key = " + user.secretAccessKey() + "\n");
        LocalStack.enforceIam(true);

        try (AwsClients aws = AwsClients.create(settings().withProfile("deployer"), reporter, files)) {
            GetCallerIdentityResponse me = aws.sts().getCallerIdentity();
            assertTrue(me.arn().endsWith(":assumed-role/" + roleName(second) + "/hop-2"), me.arn());
        }
        assertEquals(List.of("AWS credentials from profile 'deployer', region us-east-1 from <region>/-Decr.region"),
                infos);
    }

    @Test
    void credentialSourceEnvironmentAssumesTheRoleWithTheEnvironmentsKeys() throws IOException {
        // the stack's environment exports AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (moto's admin keys, auth off here)
        String roleArn = newRole("arn:aws:iam::123456789012:user/nobody");
        Supplier<ProfileFile> files = files("[profile ci]\nrole_arn = " + roleArn + "\ncredential_source = "
                + "Environment\nrole_session_name = from-env\n", "");

        try (AwsClients aws = AwsClients.create(settings().withProfile("ci"), reporter, files)) {
            GetCallerIdentityResponse me = aws.sts().getCallerIdentity();
            assertTrue(me.arn().endsWith(":assumed-role/" + roleName(roleArn) + "/from-env"), me.arn());
        }
    }

    @Test
    void credentialSourceEcsContainerAndEc2InstanceMetadataAskTheirEndpoints() throws IOException {
        String roleArn = newRole("arn:aws:iam::123456789012:user/nobody");
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        String creds = "{\"AccessKeyId\":\"ASIAFAKEBASE\",\"SecretAccessKey\":\"base-secret\",\"Token\":\"t\","
                + "\"Expiration\":\"" + java.time.Instant.now().plusSeconds(3600) + "\",\"Code\":\"Success\"}";
        com.sun.net.httpserver.HttpServer metadata = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        metadata.createContext("/", exchange -> {
            String path = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            asked.add(path);
            String body = switch (path) {
                case "PUT /latest/api/token" -> "imds-token";
                case "GET /latest/meta-data/iam/security-credentials/" -> "base-role";
                default -> creds;
            };
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        metadata.start();
        String url = "http://127.0.0.1:" + metadata.getAddress().getPort();
        Supplier<ProfileFile> files = files("[profile ecs]\nrole_arn = " + roleArn + "\ncredential_source = "
                + "EcsContainer\nrole_session_name = on-ecs\n[profile ec2]\nrole_arn = " + roleArn
                + "\ncredential_source = Ec2InstanceMetadata\nrole_session_name = on-ec2\n", "");
        // the SDK reads these system properties before the environment variables of the same settings
        System.setProperty("aws.containerCredentialsFullUri", url + "/ecs-credentials");
        System.setProperty("aws.ec2MetadataServiceEndpoint", url);
        try {
            try (AwsClients aws = AwsClients.create(settings().withProfile("ecs"), reporter, files)) {
                assertTrue(aws.sts().getCallerIdentity().arn().endsWith("/on-ecs"));
            }
            assertEquals(List.of("GET /ecs-credentials"), asked);
            asked.clear();
            try (AwsClients aws = AwsClients.create(settings().withProfile("ec2"), reporter, files)) {
                assertTrue(aws.sts().getCallerIdentity().arn().endsWith("/on-ec2"));
            }
            assertEquals(List.of("PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
                    "GET /latest/meta-data/iam/security-credentials/base-role"), asked);
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.ec2MetadataServiceEndpoint");
            metadata.stop(0);
        }
    }

    @Test
    void anUnknownCredentialSourceOrACircularChainIsTheUsersMistake() throws IOException {
        Supplier<ProfileFile> files = files("[profile odd]\nrole_arn = arn:aws:iam::123456789012:role/r\n"
                + "credential_source = Laptop\n[profile a]\nrole_arn = arn:aws:iam::123456789012:role/r\n"
                + "source_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n",
                "");
        InvalidInputException odd = assertThrows(InvalidInputException.class,
                () -> AwsClients.create(settings().withProfile("odd"), reporter, files));
        assertTrue(odd.getMessage().startsWith("The AWS profile 'odd' (<profile>/-Decr.profile) cannot be used: The "
                + "credential_source 'Laptop' of the profile 'odd' is not one of Environment, Ec2InstanceMetadata, "
                + "EcsContainer. Fix it in "), odd.getMessage());
        InvalidInputException circular = assertThrows(InvalidInputException.class,
                () -> AwsClients.create(settings().withProfile("a"), reporter, files));
        assertTrue(circular.getMessage().contains("cannot be used: The source_profile chain is circular: a -> b -> a."),
                circular.getMessage());
    }

    @Test
    void aLegacySsoProfileGetsRoleCredentialsFromTheEndpointWithTheCachedToken() throws IOException {
        String startUrl = "https://test-" + UUID.randomUUID() + ".awsapps.com/start";
        Path cache = SsoCache.write(startUrl, "{\"startUrl\": \"" + startUrl + "\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"legacy-token\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}");
        try (FakeAwsEndpoint sso = new FakeAwsEndpoint("legacy-token", "unused")) {
            Supplier<ProfileFile> files = files("[profile dev]\nsso_start_url = " + startUrl + "\nsso_region = "
                    + "eu-west-1\nsso_account_id = 123456789012\nsso_role_name = Developer\n", "");
            AwsSettings settings = AwsSettings.of(LocalStack.REGION, "dev", sso.endpoint());
            try (AwsClients aws = AwsClients.create(settings, reporter, files)) {
                assertEquals("profile 'dev'", aws.credentialsSource());
            }
            assertEquals(List.of("GET /federation/credentials role_name=Developer&account_id=123456789012 "
                    + "token=legacy-token"), sso.requests);
        } finally {
            Files.deleteIfExists(cache);
        }
    }

    @Test
    void anSsoSessionProfileRefreshesItsTokenThroughSsoOidcAtTheEndpoint() throws IOException {
        String session = "test-" + UUID.randomUUID();
        String soon = java.time.Instant.now().plusSeconds(120).toString(); // within the 5 min the SDK refreshes in
        Path cache = SsoCache.write(session, "{\"startUrl\": \"https://x.awsapps.com/start\", \"region\": "
                + "\"eu-west-1\", \"accessToken\": \"old-token\", \"expiresAt\": \"" + soon + "\", \"refreshToken\": "
                + "\"refresh-1\", \"clientId\": \"client-1\", \"clientSecret\": \"client-secret-1\", "
                + "\"registrationExpiresAt\": \"2099-01-01T00:00:00Z\"}");
        try (FakeAwsEndpoint sso = new FakeAwsEndpoint("old-token", "new-token")) {
            Supplier<ProfileFile> files = files("[profile dev]\nsso_session = " + session + "\nsso_account_id = "
                    + "123456789012\nsso_role_name = Developer\n[sso-session " + session + "]\nsso_region = eu-west-1\n"
                    + "sso_start_url = https://x.awsapps.com/start\n", "");
            AwsSettings settings = AwsSettings.of(LocalStack.REGION, "dev", sso.endpoint());
            try (AwsClients aws = AwsClients.create(settings, reporter, files)) {
                assertEquals("profile 'dev'", aws.credentialsSource());
            }
            assertEquals(2, sso.requests.size(), sso.requests.toString());
            assertTrue(sso.requests.get(0).startsWith("POST /token "), sso.requests.toString());
            assertTrue(sso.requests.get(0).contains("\"refreshToken\":\"refresh-1\""), sso.requests.toString());
            assertEquals("GET /federation/credentials role_name=Developer&account_id=123456789012 token=new-token",
                    sso.requests.get(1));
            assertTrue(Files.readString(cache).contains("new-token"), "the SDK stored the refreshed token");
        } finally {
            Files.deleteIfExists(cache);
        }
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


    private Supplier<ProfileFile> files(String config, String credentials) throws IOException {
        return CredsFixtures.files(dir, config, credentials);
    }
}
