package dev.ecrplugin.aws;

import dev.ecrplugin.core.Reporter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.Lazy;

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
    private final Reporter reporter;
    private final Lazy<EcrClient> ecr;
    private final Map<EcrVariant, EcrClient> ecrElsewhere = new HashMap<>();
    private final Lazy<IamClient> iam;
    private final Lazy<IamClient> iamSendingOnce;
    private final Lazy<StsClient> sts;
    private final SharedAnswer<String> accountId;

    private AwsClients(AwsSettings settings, Region region, ClientFactory factory,
            CredentialsResolver.Resolved credentials, Reporter reporter) {
        this.settings = settings;
        this.reporter = reporter;
        this.region = region;
        this.factory = factory;
        this.credentials = credentials.provider();
        this.description = credentials.source();
        // each client has a lock of its own: one may be built on the warm-up thread while another is in use
        this.ecr = new Lazy<>(() -> factory.build(EcrClient.builder(), AwsService.ECR, region, this.credentials));
        this.iam = new Lazy<>(() -> factory.build(IamClient.builder(), AwsService.IAM, iamRegion(),
                this.credentials));
        this.iamSendingOnce = new Lazy<>(() -> factory.buildSendingOnce(IamClient.builder(), AwsService.IAM,
                iamRegion(), this.credentials));
        this.sts = new Lazy<>(() -> factory.build(StsClient.builder(), AwsService.STS, region, this.credentials));
        // a lock of its own too: the other clients stay available while STS answers
        this.accountId = new SharedAnswer<>(() -> sts().getCallerIdentity().account());
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
        return create(settings, reporter, profileFile, Ahead.NOTHING);
    }

    /**
     * As {@link #create(AwsSettings, Reporter, Supplier)}, and starts preparing what {@code ahead} names (the clients
     * of the services the build's goals will call, the account) while the credentials are resolved: see
     * {@link #warmUp} and {@link #accountIdAhead}.
     */
    public static AwsClients create(AwsSettings settings, Reporter reporter, Supplier<ProfileFile> profileFile,
            Ahead ahead) {
        SecretLoggers.quiet(SecretLoggers.NAMES, reporter);
        RegionResolver.Resolved region = RegionResolver.resolve(settings, profileFile);
        Closer closer = new Closer();
        AwsClients clients;
        try {
            ClientFactory factory = new ClientFactory(settings, profileFile, closer, reporter);
            clients = new AwsClients(settings, region.region(), factory,
                    CredentialsResolver.resolve(factory, region.region()), reporter);
            Set<AwsService> services = new LinkedHashSet<>(ahead.services());
            if (ahead.account()) {
                services.remove(AwsService.STS); // built by the account's own thread, beside the others
            }
            clients.warmUp(services, reporter);
            clients.credentials.resolveCredentials();
            if (ahead.account()) { // after the credentials: a failing credential source is not waited for twice
                clients.accountIdAhead();
            }
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
        return Partitions.of(region.id()).id();
    }

    public EcrClient ecr() {
        return ecr.getValue();
    }

    /**
     * An ECR client like {@link #ecr()} (same credentials, endpoint, proxy, timeouts) in {@code otherRegion}: ECR
     * tokens and repositories are per region, and a full image URI may name another region than the configured one.
     * Built once per region, closed by {@link #close()}.
     */
    public EcrClient ecr(Region otherRegion) {
        if (otherRegion.equals(region)) {
            return ecr();
        }
        return elsewhere(new EcrVariant(otherRegion, false, false),
                v -> factory.build(EcrClient.builder(), AwsService.ECR, v.region(), credentials));
    }

    /**
     * An ECR client in {@code otherRegion} on the FIPS and/or dual-stack API endpoints, for the token of a registry
     * host of that form ({@code dkr.ecr-fips}, {@code dkr-ecr...on.aws}): a FIPS user's calls stay on FIPS endpoints.
     * Only where the endpoint is AWS's own: a custom endpoint ({@code <endpoint>}, {@code AWS_ENDPOINT_URL*}, the
     * profile's) is used as it is (the SDK refuses FIPS with a custom endpoint).
     */
    public EcrClient ecr(Region otherRegion, boolean fips, boolean dualStack) {
        boolean awsOwn = EcrVariant.awsOwnEndpoint(factory);
        if (!awsOwn || !fips && !dualStack) {
            return ecr(otherRegion);
        }
        return elsewhere(new EcrVariant(otherRegion, fips, dualStack),
                v -> factory.build(EcrClient.builder().fipsEnabled(fips).dualstackEnabled(dualStack), AwsService.ECR,
                        v.region(), credentials));
    }

    private EcrClient elsewhere(EcrVariant variant, Function<EcrVariant, EcrClient> build) {
        synchronized (ecrElsewhere) {
            return ecrElsewhere.computeIfAbsent(variant, build);
        }
    }

    public IamClient iam() {
        return iam.getValue();
    }

    /**
     * An IAM client like {@link #iam()} that sends each request once, without the SDK's retries: for the calls that
     * create something and are not idempotent (CreateAccessKey, CreatePolicyVersion), which the plugin repeats only
     * after looking (see {@link NoRetry}).
     */
    public IamClient iamSendingOnce() {
        return iamSendingOnce.getValue();
    }

    public StsClient sts() {
        return sts.getValue();
    }

    /**
     * Builds the clients of {@code services} now, on a daemon thread of its own, so that their classes (about 600
     * a service) load while the goal's thread resolves credentials and makes its first calls: on two cores the work
     * overlaps. A goal that asks for a client being built waits for it; nothing is built twice; no call is made; a
     * failure here is only logged at DEBUG (the goal meets it again when it asks for the client). IAM's two clients
     * are built together (the one {@link #iamSendingOnce() sending once} costs a few ms once the first is built).
     */
    Thread warmUp(Set<AwsService> services, Reporter reporter) {
        if (services.isEmpty()) {
            return null;
        }
        return daemon("ecr-plugin-warm-up", () -> {
            for (AwsService service : services) {
                try {
                    switch (service) {
                        case ECR -> ecr();
                        case IAM -> {
                            iam();
                            iamSendingOnce();
                        }
                        case STS -> sts();
                        default -> reporter.debug("No client of " + service + " to build ahead");
                    }
                } catch (RuntimeException e) {
                    reporter.debug("Building the " + service + " client ahead failed: " + e);
                }
            }
        });
    }

    /** {@code work} on a daemon thread of its own (a build never waits for it to end), started. */
    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** How many clients and providers were built so far (for tests). */
    int built() {
        return factory.closer().size();
    }

    /**
     * Asks {@link #accountId()} now, on a daemon thread of its own, so that the STS client is built and called while
     * the goal builds the client it calls first (the two overlap on two cores). A goal that asks meanwhile waits for
     * that answer, or gets its failure (logged here at DEBUG only): the call is not made twice.
     */
    Thread accountIdAhead() {
        return daemon("ecr-plugin-account", () -> {
            try {
                accountId();
            } catch (RuntimeException e) {
                reporter.debug("Asking the account ahead failed: " + e);
            }
        });
    }

    /**
     * The caller's account, from STS GetCallerIdentity (authoritative: an {@code AWS_ACCOUNT_ID} or
     * {@code aws_account_id} the user declares is not taken for it), asked once. The call holds only its own lock, so
     * the other clients stay available to other threads meanwhile.
     */
    public String accountId() {
        return accountId.get();
    }

    /** IAM is global: its signing region is the partition's global one, unless an endpoint replaces AWS. */
    private Region iamRegion() {
        return settings.endpoint() != null ? region : globalRegion();
    }

    private Region globalRegion() {
        return switch (partition()) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
    }

    @Override
    public void close() {
        factory.closer().close();
        synchronized (ecrElsewhere) {
            ecrElsewhere.clear();
        }
    }
}
