package dev.ecrplugin.aws;

import static dev.ecrplugin.aws.CredsFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.NeedsStack;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/**
/** Where {@link RegionResolver} finds the region. */
class RegionResolverTest {

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> infos = reporter.infos;

    @Test
    void theProfilesRegionIsUsedWhenNeitherParameterNorEnvironmentGivesOne() throws IOException {
        Supplier<ProfileFile> files = files("[profile eu]\nregion = eu-west-3\n[default]\nregion = ap-south-1\n", "");
        AwsRegionProvider noEnvironment = () -> {
            throw SdkClientException.create("no aws.region, no AWS_REGION");
        };

        assertEquals("eu-west-3", RegionResolver.fromChain(new AwsSettings(null, "eu", null), files, noEnvironment)
                .id());
        assertEquals("us-east-1", RegionResolver.fromChain(new AwsSettings(null, "eu", null), files,
                () -> Region.US_EAST_1).id(), "aws.region/AWS_REGION come before the profile, as in the SDK");
    }


    @Test
    @NeedsStack
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
    void noRegionIsTheUsersMistakeSaidWithoutTheSdksObjectDump() throws IOException {
        Supplier<ProfileFile> files = files("[profile eu]\noutput = json\n", "");
        AwsRegionProvider noEnvironment = () -> {
            throw SdkClientException.create("no aws.region, no AWS_REGION");
        };
        System.setProperty("aws.disableEc2Metadata", "true"); // no instance metadata service to ask here
        try {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> RegionResolver.fromChain(new AwsSettings(null, "eu", null), files, noEnvironment));
            assertEquals("No AWS region: set <region> in the plugin configuration or -Decr.region, the AWS_REGION "
                    + "environment variable, or region in the AWS profile", e.getMessage());
            assertNull(e.getCause(), "Maven would append the cause's message: AwsRegionProviderChain@...: [...]");
        } finally {
            System.clearProperty("aws.disableEc2Metadata");
        }
    }

    private Supplier<ProfileFile> files(String config, String credentials) throws IOException {
        return CredsFixtures.files(dir, config, credentials);
    }
}
