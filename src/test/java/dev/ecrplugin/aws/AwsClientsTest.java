package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.testing.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Where {@link AwsClients} finds region and credentials, against moto's STS and IAM, with temporary shared config
 * and credentials files handed to the SDK's providers directly.
 */
class AwsClientsTest {

    @TempDir
    Path dir;

    private final List<String> infos = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };

    @AfterEach
    void enforcementOff() {
        LocalStack.enforceIam(false);
        System.clearProperty("aws.endpointUrlSts");
    }

    @Test
    void aStaticKeyProfileIsUsedAndNamedNeverShown() throws IOException {
        User user = newUser("sts:GetCallerIdentity");
        Supplier<ProfileFile> files = files("", "[usr1]\naws_access_key_id = " + user.key.accessKeyId()
                + "\naws_secret_access_key = " + user.key.secretAccessKey() + "\n");
        LocalStack.enforceIam(true);

        try (AwsClients aws = AwsClients.create(settings().withProfile("usr1"), reporter, files)) {
            assertEquals(user.arn, aws.sts().getCallerIdentity().arn(), "moto knows the caller by the profile's key");
        }
        assertEquals(List.of("AWS credentials from profile 'usr1', region us-east-1 from <region>/-Decr.region"),
                infos);
        assertFalse(infos.get(0).contains(user.key.accessKeyId()));
    }

    @Test
    void aRoleArnProfileAssumesTheRoleThroughStsWithItsSourceProfile() throws IOException {
        User user = newUser("sts:AssumeRole");
        String roleArn = newRole(user.arn);
        Supplier<ProfileFile> files = files("[profile deployer]\nrole_arn = " + roleArn
                + "\nsource_profile = base\nrole_session_name = from-profile\n",
                "[base]\naws_access_key_id = " + user.key.accessKeyId() + "\naws_secret_access_key = "
                        + user.key.secretAccessKey() + "\n");
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
        User user = newUser("sts:AssumeRole");
        String roleArn = newRole(user.arn);
        Supplier<ProfileFile> files = files("", "[usr1]\naws_access_key_id = " + user.key.accessKeyId()
                + "\naws_secret_access_key = " + user.key.secretAccessKey() + "\n");
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
        User user = newUser("sts:AssumeRole");
        String roleArn = newRole(user.arn);
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
        User user = newUser("sts:GetCallerIdentity");
        LocalStack.enforceIam(true);
        AwsSettings settings = settings().withCredentials(new StaticCredentials("settings.xml server 'aws'",
                user.key.accessKeyId(), user.key.secretAccessKey(), null));
        try (AwsClients aws = AwsClients.create(settings, reporter)) {
            assertEquals(user.arn, aws.sts().getCallerIdentity().arn());
        }
        assertEquals("AWS credentials from settings.xml server 'aws', region us-east-1 from <region>/-Decr.region",
                infos.get(0));
        assertFalse(settings.toString().contains(user.key.secretAccessKey()), "toString hides the secret");
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

    // --- helpers: an IAM user with keys and one allowed action, a role whose trust policy names a user ---

    private record User(String arn, AccessKey key) {}

    private static AwsSettings settings() {
        return AwsSettings.of(LocalStack.REGION, null, LocalStack.endpoint());
    }

    private static User newUser(String action) {
        String name = "creds-" + UUID.randomUUID().toString().substring(0, 8);
        try (IamClient iam = LocalStack.iam()) {
            String arn = iam.createUser(r -> r.userName(name)).user().arn();
            iam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"" + action
                            + "\",\"sts:GetCallerIdentity\"],\"Resource\":\"*\"}]}"));
            return new User(arn, iam.createAccessKey(r -> r.userName(name)).accessKey());
        }
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
