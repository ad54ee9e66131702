package dev.ecrplugin.aws;

import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider;

/**
 * A profile's credentials, every route of the shared AWS files built with the plugin's own clients (never the
 * SDK's profile provider, which builds STS and SSO clients of its own that ignore {@code <endpoint>}, the proxy and
 * the timeouts): {@code role_arn} with {@code web_identity_token_file}, with {@code source_profile} (chained to any
 * depth) or with {@code credential_source}; SSO ({@link SsoCredentials}); {@code credential_process}; static keys.
 * The profile is read with the SDK's {@link ProfileFile}, the route order is the SDK's.
 */
final class ProfileCredentials {

    private final ClientFactory clients;
    private final Region region;
    private final ProfileFile file;

    ProfileCredentials(ClientFactory clients, Region region) {
        this.clients = clients;
        this.region = region;
        this.file = clients.profileFile() == null ? ProfileFile.defaultProfileFile() : clients.profileFile().get();
    }

    /** True when the profile exists and holds one of the routes. */
    boolean hasCredentials(String name) {
        return file.profile(name).map(ProfileCredentials::hasRoute).orElse(false);
    }

    AwsCredentialsProvider forProfile(String name) {
        return build(name, new LinkedHashSet<>());
    }

    private AwsCredentialsProvider build(String name, Set<String> visited) {
        if (!visited.add(name)) {
            throw new IllegalStateException("The source_profile chain is circular: " + String.join(" -> ", visited)
                    + " -> " + name + ".");
        }
        Profile profile = file.profile(name).orElseThrow(() ->
                // the SDK's own words, which AwsErrors turns into the fix
                SdkClientException.create("Profile file contained no credentials for profile '" + name + "'"));
        Optional<String> roleArn = profile.property(ProfileProperty.ROLE_ARN);
        if (roleArn.isPresent() && profile.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isPresent()) {
            return webIdentity(profile, roleArn.get());
        }
        if (SsoCredentials.isSso(profile)) {
            return SsoCredentials.of(clients, file, profile);
        }
        if (roleArn.isPresent()) {
            return RoleAssumer.assume(clients, region, roleBase(profile, visited), roleArn.get(),
                    profile.property(ProfileProperty.ROLE_SESSION_NAME).orElse(null),
                    profile.property(ProfileProperty.EXTERNAL_ID).orElse(null), durationSeconds(profile));
        }
        AwsCredentialsProvider own = ownCredentials(profile);
        if (own == null) {
            throw SdkClientException.create("Profile file contained no credentials for profile '" + name + "'");
        }
        return own;
    }

    /** The credentials a role_arn profile assumes its role with. */
    private AwsCredentialsProvider roleBase(Profile profile, Set<String> visited) {
        Optional<String> source = profile.property(ProfileProperty.SOURCE_PROFILE);
        Optional<String> credentialSource = profile.property(ProfileProperty.CREDENTIAL_SOURCE);
        if (source.isPresent() && credentialSource.isPresent()) {
            throw new IllegalStateException("The profile '" + profile.name() + "' has both source_profile and credential_source: keep one.");
        }
        if (source.isPresent()) {
            String sourceName = source.get();
            if (sourceName.equals(profile.name())) { // its own keys assume its own role
                AwsCredentialsProvider own = ownCredentials(profile);
                if (own != null) {
                    return own;
                }
            }
            if (!file.profile(sourceName).map(ProfileCredentials::hasRoute).orElse(false)) {
                throw new IllegalStateException("The source profile of '" + profile.name() + "' was configured to be '"
                        + sourceName + "', but that source profile has no credentials configured.");
            }
            return build(sourceName, visited);
        }
        if (credentialSource.isPresent()) {
            return switch (credentialSource.get()) {
                case "Environment" -> EnvironmentVariableCredentialsProvider.create();
                case "Ec2InstanceMetadata" -> clients.closer().add(InstanceProfileCredentialsProvider.builder()
                        .profileFile(file).profileName(profile.name()).build());
                case "EcsContainer" -> clients.closer().add(ContainerCredentialsProvider.builder().build());
                default -> throw new IllegalStateException("The credential_source '" + credentialSource.get()
                        + "' of the profile '" + profile.name() + "' is not one of Environment, Ec2InstanceMetadata, EcsContainer.");
            };
        }
        throw new IllegalStateException("The profile '" + profile.name() + "' has role_arn, but neither source_profile nor credential_source (nor "
                + "web_identity_token_file) to assume the role with.");
    }

    private static Integer durationSeconds(Profile profile) {
        Optional<String> value = profile.property(ProfileProperty.DURATION_SECONDS);
        try {
            return value.map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The duration_seconds '" + value.get() + "' of the profile '"
                    + profile.name() + "' is not a number of seconds.");
        }
    }

    /** {@code role_arn} + {@code web_identity_token_file}: STS AssumeRoleWithWebIdentity, unsigned. */
    private AwsCredentialsProvider webIdentity(Profile profile, String roleArn) {
        return webIdentity(clients, region, roleArn, profile.property(ProfileProperty.ROLE_SESSION_NAME).orElse(null),
                profile.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).orElseThrow());
    }

    /** STS AssumeRoleWithWebIdentity with the token in {@code tokenFile} (read again at each refresh, by the SDK). */
    static AwsCredentialsProvider webIdentity(ClientFactory clients, Region region, String roleArn,
            String sessionName, String tokenFile) {
        StsClient sts = clients.build(StsClient.builder(), AwsService.STS, region,
                AnonymousCredentialsProvider.create());
        return clients.closer().add(StsWebIdentityTokenFileCredentialsProvider.builder().stsClient(sts)
                .roleArn(roleArn).roleSessionName(sessionName == null ? RoleToAssume.DEFAULT_SESSION_NAME : sessionName)
                .webIdentityTokenFile(Paths.get(tokenFile)).build());
    }

    /** The profile's static keys or credential_process, or null without either. */
    private AwsCredentialsProvider ownCredentials(Profile profile) {
        Optional<String> keyId = profile.property(ProfileProperty.AWS_ACCESS_KEY_ID);
        if (keyId.isPresent()) {
            String secret = profile.property(ProfileProperty.AWS_SECRET_ACCESS_KEY).orElseThrow(() ->
                    new IllegalStateException("The profile '" + profile.name() + "' has aws_access_key_id but no aws_secret_access_key."));
            Optional<String> token = profile.property(ProfileProperty.AWS_SESSION_TOKEN);
            return StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret, token.get())
                    : AwsBasicCredentials.create(keyId.get(), secret));
        }
        Optional<String> process = profile.property(ProfileProperty.CREDENTIAL_PROCESS);
        if (process.isPresent()) {
            return clients.closer().add(ProcessCredentialsProvider.builder().command(process.get()).build());
        }
        return null;
    }

    private static boolean hasRoute(Profile profile) {
        return profile.property(ProfileProperty.ROLE_ARN).isPresent() || SsoCredentials.isSso(profile)
                || profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()
                || profile.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent();
    }
}
