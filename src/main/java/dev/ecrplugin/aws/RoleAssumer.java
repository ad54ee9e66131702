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

    /**
     * Credentials of {@code role}, refreshed before they expire, asked of STS with {@code base}.
     *
     * @param durationSeconds the session's duration, or null for STS's default (one hour)
     */
    static AwsCredentialsProvider assume(ClientFactory clients, Region region, AwsCredentialsProvider base,
            RoleToAssume role, Integer durationSeconds) {
        StsClient sts = clients.build(StsClient.builder(), AwsService.STS, region, base);
        return clients.closer().add(StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(role.roleArn()).roleSessionName(role.sessionName())
                        .externalId(role.externalId()).durationSeconds(durationSeconds))
                .build());
    }
}
