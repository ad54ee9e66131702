package dev.ecrplugin.aws;

import dev.ecrplugin.core.InvalidInputException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/** Finds the region: {@code <region>}, else the SDK's region chain. */
final class RegionResolver {

    /** A region and, in words, where it came from. */
    record Resolved(Region region, String source) {}

    private RegionResolver() {}

    static Resolved resolve(AwsSettings settings, Supplier<ProfileFile> profileFile) {
        if (settings.region() != null) {
            return new Resolved(Region.of(settings.region()), "<region>/-Decr.region");
        }
        return new Resolved(fromChain(settings, profileFile, new SystemSettingsRegionProvider()),
                "the AWS SDK region chain (AWS_REGION, aws.region, the profile's region)");
    }

    /**
     * The SDK's default region chain, with {@code systemSettings} in place of its first link ({@code aws.region},
     * {@code AWS_REGION}), then the profile's region, then the instance metadata service. Its failure is the
     * user's to fix, said without the SDK's message (a dump of the chain's objects, which Maven would append).
     */
    static Region fromChain(AwsSettings settings, Supplier<ProfileFile> profileFile,
            AwsRegionProvider systemSettings) {
        try {
            return new AwsRegionProviderChain(systemSettings,
                    new AwsProfileRegionProvider(profileFile, settings.profile()),
                    new InstanceProfileRegionProvider()).getRegion();
        } catch (SdkException e) {
            throw new InvalidInputException("No AWS region: set <region> in the plugin configuration or -Decr.region, "
                    + "the AWS_REGION environment variable, or region in the AWS profile");
        }
    }
}
