package dev.ecrplugin.aws;

import software.amazon.awssdk.regions.Region;

/**
 * Which ECR API endpoint a client uses: its region, and AWS's FIPS and dual-stack variants.
 *
 * @param region    the region
 * @param fips      the FIPS endpoint
 * @param dualStack the dual-stack (IPv4 and IPv6) endpoint
 */
record EcrVariant(Region region, boolean fips, boolean dualStack) {

    /** True when nothing replaces AWS's own ECR endpoint (only then do its FIPS and dual-stack variants apply). */
    static boolean awsOwnEndpoint(ClientFactory factory) {
        return EndpointSource.AWS_OWN.equals(
                EndpointSource.of(AwsService.ECR, factory.settings(), factory.profileFile()).label());
    }
}
