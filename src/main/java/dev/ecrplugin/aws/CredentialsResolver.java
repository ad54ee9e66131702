package dev.ecrplugin.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;

/**
 * The session's credentials and, in words, their source. First match wins: {@code <profile>}, the static
 * credentials (a settings.xml server), else the SDK's default chain in the SDK's order, each link built with the
 * plugin's own clients: Java system properties, environment variables, a web identity token file
 * ({@code AWS_WEB_IDENTITY_TOKEN_FILE} + {@code AWS_ROLE_ARN}), the profile of {@code AWS_PROFILE} or
 * {@code default}, the container endpoint, the instance metadata service. A link is chosen by its configuration
 * being present, not by trying it, so that a configured source that fails says why. Then {@code <roleArn>} on top.
 */
final class CredentialsResolver {

    /** Credentials and where they came from, in words (no secret). */
    record Resolved(AwsCredentialsProvider provider, String source) {}

    private static final String CHAIN = " (default credentials chain)";

    private CredentialsResolver() {}

    static Resolved resolve(ClientFactory clients, Region region) {
        Resolved base = base(clients, region);
        RoleToAssume role = clients.settings().role();
        if (role == null) {
            return base;
        }
        return new Resolved(RoleAssumer.assume(clients, region, base.provider(), role), "assumed role "
                + role.roleArn() + " (session " + role.sessionName() + ") on top of " + base.source());
    }

    /** The profile whose problems a failure names: {@code <profile>}, else {@code AWS_PROFILE}; null for neither. */
    /** Where {@link #profileInUse} found the profile, for messages: the setting to change. */
    static String profileSetting(AwsSettings settings) {
        return settings.profile() != null ? "<profile>/-Decr.profile"
                : profileInUse(settings) != null ? "AWS_PROFILE" : "the default profile; <profile>/-Decr.profile";
    }

    static String profileInUse(AwsSettings settings) {
        return settings.profile() != null ? settings.profile()
                : settings.credentials() != null ? null : ProfileFileSystemSetting.AWS_PROFILE.getStringValue()
                        .filter(p -> !p.isBlank()).orElse(null);
    }

    private static Resolved base(ClientFactory clients, Region region) {
        AwsSettings settings = clients.settings();
        if (settings.profile() != null) {
            return new Resolved(new ProfileCredentials(clients, region).forProfile(settings.profile()),
                    "profile '" + settings.profile() + "'");
        }
        StaticCredentials given = settings.credentials();
        if (given != null) {
            AwsCredentials keys = given.sessionToken() == null
                    ? AwsBasicCredentials.create(given.accessKeyId(), given.secretKey())
                    : AwsSessionCredentials.create(given.accessKeyId(), given.secretKey(), given.sessionToken());
            return new Resolved(StaticCredentialsProvider.create(keys), given.source());
        }
        return defaultChain(clients, region);
    }

    private static Resolved defaultChain(ClientFactory clients, Region region) {
        if (present(System.getProperty("aws.accessKeyId"))) {
            return new Resolved(SystemPropertyCredentialsProvider.create(), "Java system properties" + CHAIN);
        }
        if (present(System.getenv("AWS_ACCESS_KEY_ID"))) {
            return new Resolved(EnvironmentVariableCredentialsProvider.create(), "environment variables" + CHAIN);
        }
        Optional<String> tokenFile = setting(SdkSystemSetting.AWS_WEB_IDENTITY_TOKEN_FILE);
        Optional<String> roleArn = setting(SdkSystemSetting.AWS_ROLE_ARN);
        if (tokenFile.isPresent() && roleArn.isPresent()) {
            return new Resolved(ProfileCredentials.webIdentity(clients, region, roleArn.get(),
                    setting(SdkSystemSetting.AWS_ROLE_SESSION_NAME).orElse(null), tokenFile.get()),
                    "a web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)" + CHAIN);
        }
        Optional<String> named = ProfileFileSystemSetting.AWS_PROFILE.getStringValue().filter(p -> !p.isBlank());
        String profile = named.orElse("default");
        ProfileCredentials profiles = new ProfileCredentials(clients, region);
        if (named.isPresent() || profiles.hasCredentials(profile)) {
            // a profile the user named is used (or its problem said), the default profile only if it holds some
            String origin = !named.isPresent() ? CHAIN
                    : present(System.getProperty("aws.profile")) ? " (aws.profile)" : " (AWS_PROFILE)";
            return new Resolved(profiles.forProfile(profile), "profile '" + profile + "'" + origin);
        }
        if (setting(SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI).isPresent()
                || setting(SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_FULL_URI).isPresent()) {
            return new Resolved(clients.closer().add(ContainerCredentialsProvider.builder().build()),
                    "the container credentials endpoint" + CHAIN);
        }
        InstanceProfileCredentialsProvider.Builder imds = InstanceProfileCredentialsProvider.builder()
                .profileName(profile);
        if (clients.profileFile() != null) {
            imds.profileFile(clients.profileFile());
        }
        InstanceProfileCredentialsProvider instance = clients.closer().add(imds.build());
        try {
            instance.resolveCredentials();
        } catch (SdkClientException e) {
            // AwsErrors turns "Unable to load credentials" into the fix
            throw SdkClientException.create("Unable to load credentials from any source: none in the "
                    + "aws.accessKeyId system property, AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE with "
                    + "AWS_ROLE_ARN, the profile 'default', the container credentials endpoint, and the instance "
                    + "metadata service answered: " + e.getMessage());
        }
        return new Resolved(instance, "the instance metadata service" + CHAIN);
    }

    private static Optional<String> setting(SdkSystemSetting setting) {
        return setting.getStringValue().filter(CredentialsResolver::present);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
