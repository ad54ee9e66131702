package dev.ecrplugin.aws;

import java.nio.file.Paths;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.internal.SsoAccessTokenProvider;
import software.amazon.awssdk.services.sso.internal.SsoTokenFileUtils;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcTokenProvider;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

/**
 * An SSO profile's credentials: the SDK's {@link SsoCredentialsProvider} with an SSO client of the plugin's own,
 * and the access token from the SDK's token cache ({@code ~/.aws/sso/cache}, written by {@code aws sso login}):
 * for an {@code sso_session} profile through the SDK's {@link SsoOidcTokenProvider}, which refreshes it with an
 * SSO-OIDC client of the plugin's own; for a legacy profile ({@code sso_start_url}, no refresh) through the SDK's
 * reader of that cache.
 */
final class SsoCredentials {

    static final String SSO_SESSION = "sso_session";
    static final String SSO_SESSION_SECTION = "sso-session";

    private SsoCredentials() {}

    static boolean isSso(Profile profile) {
        return profile.property(SSO_SESSION).isPresent() || profile.property(ProfileProperty.SSO_START_URL).isPresent()
                || profile.property(ProfileProperty.SSO_ACCOUNT_ID).isPresent();
    }

    static AwsCredentialsProvider of(ClientFactory clients, ProfileFile file, Profile profile) {
        String accountId = require(profile, ProfileProperty.SSO_ACCOUNT_ID);
        String roleName = require(profile, ProfileProperty.SSO_ROLE_NAME);
        String sessionName = profile.property(SSO_SESSION).orElse(null);
        String ssoRegion;
        SdkTokenProvider token;
        if (sessionName != null) {
            Profile session = file.getSection(SSO_SESSION_SECTION, sessionName).orElseThrow(() ->
                    new IllegalStateException("The profile '" + profile.name() + "' names the sso_session '"
                            + sessionName + "', but there is no [sso-session " + sessionName + "] section."));
            ssoRegion = require(session, ProfileProperty.SSO_REGION);
            require(session, ProfileProperty.SSO_START_URL);
            SsoOidcClient oidc = clients.build(SsoOidcClient.builder(), AwsService.SSO_OIDC, Region.of(ssoRegion),
                    AnonymousCredentialsProvider.create());
            token = clients.closer().add(SsoOidcTokenProvider.builder().sessionName(sessionName)
                    .ssoOidcClient(oidc).build());
        } else {
            ssoRegion = require(profile, ProfileProperty.SSO_REGION);
            String startUrl = require(profile, ProfileProperty.SSO_START_URL);
            token = new SsoAccessTokenProvider(SsoTokenFileUtils.generateCachedTokenPath(startUrl,
                    Paths.get(UserHomeDirectoryUtils.userHomeDirectory(), ".aws", "sso", "cache").toString()));
        }
        SsoClient sso = clients.build(SsoClient.builder(), AwsService.SSO, Region.of(ssoRegion),
                AnonymousCredentialsProvider.create());
        GetRoleCredentialsRequest request = GetRoleCredentialsRequest.builder().accountId(accountId)
                .roleName(roleName).build();
        // the token is asked at each refresh: an sso_session token is then refreshed by SSO-OIDC when due
        SsoCredentialsProvider.Builder provider = SsoCredentialsProvider.builder();
        provider.ssoClient(sso);
        provider.refreshRequest(() -> request.toBuilder().accessToken(token.resolveToken().token()).build());
        return clients.closer().add(provider.build());
    }

    private static String require(Profile profile, String property) {
        return profile.property(property).orElseThrow(() -> new IllegalStateException("The SSO profile '"
                + profile.name() + "' has no " + property + "."));
    }
}
