package dev.ecrplugin.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Assumes a role (STS AssumeRole) on top of other credentials, with an STS client of the plugin's own (endpoint,
 * proxy, timeouts as every other client): for {@code <roleArn>} and for a profile's {@code role_arn}.
 */
final class RoleAssumer {

    private RoleAssumer() {}

    /** Credentials of {@code role} ({@code <roleArn>}), refreshed before they expire, asked of STS with {@code base}. */
    static AwsCredentialsProvider assume(ClientFactory clients, Region region, AwsCredentialsProvider base,
            RoleToAssume role) {
        return assume(clients, region, base, role.roleArn(), role.sessionName(), role.externalId(), null);
    }

    /**
     * As above, for a role a profile names (not checked here: STS says what is wrong with it).
     *
     * @param sessionName     the role session name, or null for {@link RoleToAssume#DEFAULT_SESSION_NAME}
     * @param durationSeconds the session's duration, or null for STS's default (one hour)
     */
    static AwsCredentialsProvider assume(ClientFactory clients, Region region, AwsCredentialsProvider base,
            String roleArn, String sessionName, String externalId, Integer durationSeconds) {
        StsClient sts = clients.build(StsClient.builder(), AwsService.STS, region, base);
        String session = sessionName == null ? RoleToAssume.DEFAULT_SESSION_NAME : sessionName;
        return clients.closer().add(StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(session).externalId(externalId)
                        .durationSeconds(durationSeconds))
                .build());
    }
}
