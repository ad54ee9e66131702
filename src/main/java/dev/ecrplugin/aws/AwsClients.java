package dev.ecrplugin.aws;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK clients for one {@link AwsSettings}, each built on first use only (building a client and its first
 * call cost a few hundred ms), shared by every goal of a Maven session that uses the same settings. Thread-safe.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> built = new ArrayList<>();
    private EcrClient ecr;
    private IamClient iam;
    private StsClient sts;
    private String accountId;

    private AwsClients(AwsSettings settings, Region region, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.region = region;
        this.credentials = credentials;
    }

    /**
     * Resolves region and credentials (without probing the network when both are given) and says where they came
     * from, never what they are.
     */
    public static AwsClients create(AwsSettings settings, Reporter reporter) {
        Region region = resolveRegion(settings);
        AwsCredentialsProvider credentials;
        String source;
        if (settings.profile() != null) {
            credentials = ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
            source = "profile '" + settings.profile() + "'";
        } else {
            credentials = DefaultCredentialsProvider.builder().build();
            source = "the default AWS credentials chain";
        }
        reporter.debug("AWS credentials from " + source + ", region " + region.id()
                + (settings.endpoint() == null ? "" : ", endpoint " + settings.endpoint()));
        return new AwsClients(settings, region, credentials);
    }

    private static Region resolveRegion(AwsSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (settings.profile() != null) {
                chain.profileName(settings.profile());
            }
            return chain.build().getRegion();
        } catch (SdkException e) {
            throw new InvalidInputException("No AWS region: set <region> in the plugin configuration or -Decr.region, "
                    + "the AWS_REGION environment variable, or region in the AWS profile", e);
        }
    }

    public Region region() {
        return region;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** The partition of the region: aws, aws-cn, aws-us-gov, ... */
    public String partition() {
        return region.metadata() == null ? "aws" : region.metadata().partition().id();
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = remember(configure(EcrClient.builder(), region).build());
        }
        return ecr;
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            // IAM is global: its signing region is the partition's global one, unless an endpoint replaces AWS.
            Region iamRegion = settings.endpoint() != null ? region : globalRegion();
            iam = remember(configure(IamClient.builder(), iamRegion).build());
        }
        return iam;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = remember(configure(StsClient.builder(), region).build());
        }
        return sts;
    }

    /** The account of the caller, from STS GetCallerIdentity, asked once. */
    public synchronized String accountId() {
        if (accountId == null) {
            accountId = sts().getCallerIdentity().account();
        }
        return accountId;
    }

    private Region globalRegion() {
        return switch (partition()) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region clientRegion) {
        builder.region(clientRegion).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    private <C extends AutoCloseable> C remember(C client) {
        built.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : built) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is best effort
            }
        }
        built.clear();
        ecr = null;
        iam = null;
        sts = null;
    }
}
