package dev.ecrplugin.aws;

import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Run in a JVM of its own (by {@link SdkOwnClientsTest}) with {@link RecordingHttpService} as the SDK's default HTTP
 * implementation: drives every credential route and service client of the plugin, then one client built without an
 * HTTP client (the control), and prints how often the SDK picked an HTTP client itself.
 */
public final class SdkOwnClientsProbe {

    private SdkOwnClientsProbe() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("probe");
        String roleArn = CredsFixtures.newRole("arn:aws:iam::123456789012:user/nobody");
        Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln");
        String startUrl = "https://probe-" + UUID.randomUUID() + ".awsapps.com/start";
        String session = "probe-" + UUID.randomUUID();
        Path legacyCache = SsoCache.write(startUrl, "{\"startUrl\": \"" + startUrl + "\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"t1\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}");
        Path sessionCache = SsoCache.write(session, "{\"startUrl\": \"https://x\", \"region\": \"eu-west-1\", "
                + "\"accessToken\": \"t1\", \"expiresAt\": \"" + java.time.Instant.now().plusSeconds(60) + "\", "
                + "\"refreshToken\": \"r\", \"clientId\": \"c\", \"clientSecret\": \"s\", "
                + "\"registrationExpiresAt\": \"2099-01-01T00:00:00Z\"}");
        Supplier<ProfileFile> files = CredsFixtures.files(dir, "[profile role]\nrole_arn = " + roleArn
                + "\nsource_profile = base\n[profile chain]\nrole_arn = " + roleArn + "\nsource_profile = role\n"
                + "[profile env]\nrole_arn = " + roleArn + "\ncredential_source = Environment\n"
                + "[profile web]\nrole_arn = " + roleArn + "\nweb_identity_token_file = " + token + "\n"
                + "[profile legacy]\nsso_start_url = " + startUrl + "\nsso_region = us-east-1\nsso_account_id = "
                + "123456789012\nsso_role_name = R\n[profile sess]\nsso_session = " + session + "\nsso_account_id = "
                + "123456789012\nsso_role_name = R\n[sso-session " + session + "]\nsso_region = eu-west-1\n"
                + "sso_start_url = https://x\n",
                "[base]\naws_access_key_id = AKIAPROBE\naws_secret_access_key = probe-secret\n");
        RecordingReporter reporter = new RecordingReporter();
        try {
            for (String profile : new String[] {"role", "chain", "env", "web"}) {
                AwsSettings settings = CredsFixtures.settings().withProfile(profile)
                        .withRole(RoleToAssume.of(roleArn, null, null));
                try (AwsClients aws = AwsClients.create(settings, reporter, files)) {
                    aws.accountId();
                    aws.ecr().describeRepositories();
                    aws.iam().listUsers();
                }
            }
            try (AwsClients aws = AwsClients.create(CredsFixtures.settings(), reporter, files)) { // default chain
                aws.accountId();
            }
            try (FakeAwsEndpoint sso = new FakeAwsEndpoint("t1", "t2")) {
                for (String profile : new String[] {"legacy", "sess"}) {
                    AwsClients.create(AwsSettings.of(LocalStack.REGION, profile, sso.endpoint()), reporter, files)
                            .close();
                }
            }
        } finally {
            Files.deleteIfExists(legacyCache);
            Files.deleteIfExists(sessionCache);
        }
        System.out.println("ROUTES " + RecordingHttpService.BUILT.get());
        StsClient.builder().region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .build().close();
        System.out.println("CONTROL " + RecordingHttpService.BUILT.get());
    }
}
