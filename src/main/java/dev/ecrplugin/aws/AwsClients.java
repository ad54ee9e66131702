package dev.ecrplugin.aws;

import dev.ecrplugin.core.Reporter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK clients for one {@link AwsSettings}, each built on first use only (building a client and its first
 * call cost a few hundred ms), shared by every goal of a Maven session that uses the same settings. Thread-safe.
 * Region from {@link RegionResolver}, credentials from {@link CredentialsResolver}, every client (those inside the
 * credential providers too) from {@link ClientFactory}.
 *
 * <p>{@link #close()} closes every client and credential provider built here. Session-shared instances are not
 * closed: Maven offers a plugin no reliable end-of-session hook; the url-connection client holds no threads or pools
 * (the Apache client, used only behind a proxy that needs credentials, keeps a small connection pool), so an
 * unclosed instance only waits for the garbage collector. Instances a goal builds for itself alone are closed when
 * the goal ends.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final Region region;
    private final ClientFactory factory;
    private final AwsCredentialsProvider credentials;
    private final String description;
    private final Object accountIdLock = new Object();
    private EcrClient ecr;
    private final Map<EcrVariant, EcrClient> ecrElsewhere = new HashMap<>();
    private IamClient iam;
    private StsClient sts;
    private volatile String accountId;

    private AwsClients(AwsSettings settings, Region region, ClientFactory factory,
            CredentialsResolver.Resolved credentials) {
        this.settings = settings;
        this.region = region;
        this.factory = factory;
        this.credentials = credentials.provider();
        this.description = credentials.source();
    }

    /**
     * Resolves region and credentials (without probing the network when both are given explicitly), and says at
     * INFO where they came from, never what they are. Credentials are resolved here, so that the line can name the
     * source that answered, and a missing or rejected credential fails before the goal's first call.
     */
    public static AwsClients create(AwsSettings settings, Reporter reporter) {
        return create(settings, reporter, null);
    }

    /**
     * As {@link #create(AwsSettings, Reporter)}, reading profiles from {@code profileFile} instead of the shared
     * files the SDK finds itself ({@code ~/.aws/config}, {@code AWS_CONFIG_FILE}, ...); null for those.
     */
    public static AwsClients create(AwsSettings settings, Reporter reporter, Supplier<ProfileFile> profileFile) {
        SecretLoggers.quiet(SecretLoggers.NAMES, reporter);
        RegionResolver.Resolved region = RegionResolver.resolve(settings, profileFile);
        Closer closer = new Closer();
        AwsClients clients;
        try {
            ClientFactory factory = new ClientFactory(settings, profileFile, closer);
            clients = new AwsClients(settings, region.region(), factory,
                    CredentialsResolver.resolve(factory, region.region()));
            clients.credentials.resolveCredentials();
        } catch (IllegalStateException e) {
            closer.close();
            if (settings.credentials() != null) {
                throw e; // keys given directly: no profile was read
            }
            // a broken profile, also the one the default chain read without being told (AWS_PROFILE, [default])
            String profile = CredentialsResolver.profileInUse(settings);
            throw AwsErrors.badProfile(profile == null ? "default" : profile,
                    CredentialsResolver.profileSetting(settings), e);
        } catch (RuntimeException e) {
            closer.close();
            throw e;
        }
        reporter.info("AWS credentials from " + clients.description + ", region " + region.region().id() + " from "
                + region.source());
        reporter.debug("AWS endpoint " + (settings.endpoint() == null ? "of the AWS SDK" : settings.endpoint())
                + (settings.proxy() == null ? "" : ", through proxy " + settings.proxy()) + "; timeouts "
                + settings.timeouts().apiCall().toSeconds() + " s per call, "
                + settings.timeouts().apiCallAttempt().toSeconds() + " s per attempt");
        return clients;
    }

    public Region region() {
        return region;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** Where the credentials came from, in words (no secret): e.g. {@code profile 'usr1'}. */
    public String credentialsSource() {
        return description;
    }

    /** The partition of the region: aws, aws-cn, aws-us-gov, ... */
    public String partition() {
        return region.metadata() == null ? "aws" : region.metadata().partition().id();
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = factory.build(EcrClient.builder(), AwsService.ECR, region, credentials);
        }
        return ecr;
    }

    /**
     * An ECR client like {@link #ecr()} (same credentials, endpoint, proxy, timeouts) in {@code otherRegion}: ECR
     * tokens and repositories are per region, and a full image URI may name another region than the configured one.
     * Built once per region, closed by {@link #close()}.
     */
    public synchronized EcrClient ecr(Region otherRegion) {
        if (otherRegion.equals(region)) {
            return ecr();
        }
        return ecrElsewhere.computeIfAbsent(new EcrVariant(otherRegion, false, false),
                v -> factory.build(EcrClient.builder(), AwsService.ECR, v.region(), credentials));
    }

    /**
     * An ECR client in {@code otherRegion} on the FIPS and/or dual-stack API endpoints, for the token of a registry
     * host of that form ({@code dkr.ecr-fips}, {@code dkr-ecr...on.aws}): a FIPS user's calls stay on FIPS endpoints.
     * Only where the endpoint is AWS's own: a custom endpoint ({@code <endpoint>}, {@code AWS_ENDPOINT_URL*}, the
     * profile's) is used as it is (the SDK refuses FIPS with a custom endpoint).
     */
    public synchronized EcrClient ecr(Region otherRegion, boolean fips, boolean dualStack) {
        boolean awsOwn = EcrVariant.awsOwnEndpoint(factory);
        if (!awsOwn || !fips && !dualStack) {
            return ecr(otherRegion);
        }
        return ecrElsewhere.computeIfAbsent(new EcrVariant(otherRegion, fips, dualStack),
                v -> factory.build(EcrClient.builder().fipsEnabled(fips).dualstackEnabled(dualStack), AwsService.ECR,
                        v.region(), credentials));
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            // IAM is global: its signing region is the partition's global one, unless an endpoint replaces AWS.
            Region iamRegion = settings.endpoint() != null ? region : globalRegion();
            iam = factory.build(IamClient.builder(), AwsService.IAM, iamRegion, credentials);
        }
        return iam;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = factory.build(StsClient.builder(), AwsService.STS, region, credentials);
        }
        return sts;
    }

    /**
     * The account of the caller, from STS GetCallerIdentity, asked once. The call holds only its own lock, so the
     * other clients stay available to other threads meanwhile.
     */
    public String accountId() {
        String known = accountId;
        if (known == null) {
            synchronized (accountIdLock) {
                known = accountId;
                if (known == null) {
                    known = sts().getCallerIdentity().account();
                    accountId = known;
                }
            }
        }
        return known;
    }

    private Region globalRegion() {
        return switch (partition()) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
    }

    @Override
    public synchronized void close() {
        factory.closer().close();
        ecr = null;
        ecrElsewhere.clear();
        iam = null;
        sts = null;
    }
}
