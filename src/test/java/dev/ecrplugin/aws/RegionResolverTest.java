package dev.ecrplugin.aws;

import static dev.ecrplugin.aws.CredsFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.IamFixtures;
import dev.ecrplugin.testing.IamFixtures.UserWithKey;
import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.MotoAuthOff;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

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


    private Supplier<ProfileFile> files(String config, String credentials) throws IOException {
        return CredsFixtures.files(dir, config, credentials);
    }
}
