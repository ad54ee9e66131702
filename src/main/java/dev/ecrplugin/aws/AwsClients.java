package dev.ecrplugin.aws;

import static software.amazon.awssdk.core.useragent.BusinessMetricFeatureId.*;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.useragent.BusinessMetricFeatureId;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The AWS SDK clients for one {@link AwsSettings}, each built on first use only (building a client and its first
 * call cost a few hundred ms), shared by every goal of a Maven session that uses the same settings. Thread-safe.
 *
 * <p>Region: {@code settings.region()}, else the SDK's region chain. Credentials, first match wins: the profile,
 * the static credentials (a settings.xml server), the SDK's default chain (environment, system properties, web
 * identity token file, shared config and credentials files with SSO and {@code role_arn}, container, instance);
 * then the role of {@code settings.role()} is assumed on top. Endpoints: {@code settings.endpoint()}, else the
 * SDK's own ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_ECR}/{@code _IAM}/{@code _STS}, {@code endpoint_url}
 * in the profile). Every client the plugin builds goes through the settings' proxy, with the HTTP client
 * {@link #httpClient} picks.
 *
 * <p>{@link #close()} closes every client built here (the AWS clients, the STS client of an assumed role, the
 * credential providers). Session-shared instances are not closed: Maven offers a plugin no reliable end-of-session
 * hook; the url-connection client holds no threads or pools (the Apache client, used only behind a proxy that
 * needs credentials, keeps a small connection pool), so an unclosed instance only waits for the garbage collector.
 * Instances a goal builds for itself alone are closed when the goal ends.
 */
public final class AwsClients implements AutoCloseable {

    /**
     * Loggers that print secrets at DEBUG: the SDK's signers (current and legacy: the canonical request, session
     * token included), and Apache HttpClient 5's header and wire logs (Authorization, Proxy-Authorization, and
     * response bodies such as IAM's CreateAccessKey with the new secret key), and its cookie handling (the cookies
     * a proxy or load balancer sets).
     */
    static final List<String> SECRET_LOGGERS = List.of("software.amazon.awssdk.http.auth.aws.internal.signer",
            "software.amazon.awssdk.auth.signer", "org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.protocol");

    private final AwsSettings settings;
    private final Region region;
    private final Supplier<ProfileFile> profileFile;
    private final AwsCredentialsProvider credentials;
    private final String description;
    private final List<AutoCloseable> built;
    private final Object accountIdLock = new Object();
    private EcrClient ecr;
    private final java.util.Map<Region, EcrClient> ecrElsewhere = new java.util.HashMap<>();
    private IamClient iam;
    private StsClient sts;
    private volatile String accountId;

    /** Builds the credential providers (the default chain resolves here); {@code built} collects what to close. */
    private AwsClients(AwsSettings settings, Region region, Supplier<ProfileFile> profileFile,
            List<AutoCloseable> built) {
        this.built = built;
        this.settings = settings;
        this.region = region;
        this.profileFile = profileFile;
        Credentials base = baseCredentials();
        if (settings.role() == null) {
            this.credentials = base.provider();
            this.description = base.source();
        } else {
            RoleToAssume role = settings.role();
            StsClient roleSts = remember(configure(StsClient.builder(), region, base.provider()).build());
            this.credentials = remember(StsAssumeRoleCredentialsProvider.builder().stsClient(roleSts)
                    .refreshRequest(r -> r.roleArn(role.roleArn()).roleSessionName(role.sessionName())
                            .externalId(role.externalId()))
                    .build());
            this.description = "assumed role " + role.roleArn() + " (session " + role.sessionName() + ") on top of "
                    + base.source();
        }
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
        quietSecretLoggers(SECRET_LOGGERS, reporter);
        Region region;
        String regionSource;
        if (settings.region() != null) {
            region = Region.of(settings.region());
            regionSource = "<region>/-Decr.region";
        } else {
            region = resolveRegion(settings, profileFile, new SystemSettingsRegionProvider());
            regionSource = "the AWS SDK region chain (AWS_REGION, aws.region, the profile's region)";
        }
        List<AutoCloseable> built = new ArrayList<>();
        AwsClients clients;
        try {
            clients = new AwsClients(settings, region, profileFile, built);
            clients.credentials.resolveCredentials();
        } catch (IllegalStateException e) {
            closeAll(built);
            throw settings.profile() == null ? e : AwsErrors.badProfile(settings.profile(), e);
        } catch (RuntimeException e) {
            closeAll(built);
            throw e;
        }
        reporter.info("AWS credentials from " + clients.description + ", region " + region.id() + " from "
                + regionSource);
        reporter.debug("AWS endpoint " + (settings.endpoint() == null ? "of the AWS SDK" : settings.endpoint())
                + (settings.proxy() == null ? "" : ", through proxy " + settings.proxy()));
        return clients;
    }

    /**
     * Turns the {@link #SECRET_LOGGERS} to INFO, since Maven prints DEBUG under {@code -X}. Maven's logger (a fork of
     * slf4j-simple) reads a logger's level from a system property when the logger is first made, so this must run
     * before the first client is built. A level the user set is kept.
     */
    static void quietSecretLoggers(List<String> loggers, Reporter reporter) {
        for (String logger : loggers) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "info");
                // a logger made earlier (by another plugin of this build) keeps the level it was made with
                if (LoggerFactory.getLogger(logger).isDebugEnabled()) {
                    reporter.warn("The logger " + logger + " already prints DEBUG (another plugin of this build made it "
                            + "first) and may show secrets under -X: run without -X, or with -D" + key + "=info");
                }
            }
        }
    }

    /**
     * The SDK's default region chain, with {@code systemSettings} in place of its first link ({@code aws.region},
     * {@code AWS_REGION}), then the profile's region, then the instance metadata service.
     */
    static Region resolveRegion(AwsSettings settings, Supplier<ProfileFile> profileFile,
            AwsRegionProvider systemSettings) {
        try {
            return new AwsRegionProviderChain(systemSettings,
                    new AwsProfileRegionProvider(profileFile, settings.profile()),
                    new InstanceProfileRegionProvider()).getRegion();
        } catch (SdkException e) {
            throw new InvalidInputException("No AWS region: set <region> in the plugin configuration or -Decr.region, "
                    + "the AWS_REGION environment variable, or region in the AWS profile", e);
        }
    }

    private record Credentials(AwsCredentialsProvider provider, String source) {}

    private Credentials baseCredentials() {
        if (settings.profile() != null) {
            ProfileCredentialsProvider.Builder profile =
                    ProfileCredentialsProvider.builder().profileName(settings.profile());
            if (profileFile != null) {
                profile.profileFile(profileFile);
            }
            return new Credentials(remember(profile.build()), "profile '" + settings.profile() + "'");
        }
        StaticCredentials given = settings.credentials();
        if (given != null) {
            AwsCredentials keys = given.sessionToken() == null
                    ? AwsBasicCredentials.create(given.accessKeyId(), given.secretKey())
                    : AwsSessionCredentials.create(given.accessKeyId(), given.secretKey(), given.sessionToken());
            return new Credentials(StaticCredentialsProvider.create(keys), given.source());
        }
        DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
        if (profileFile != null) {
            chain.profileFile(profileFile);
        }
        DefaultCredentialsProvider provider = remember(chain.build());
        String answered = describeProvider(provider.resolveCredentials().providerName().orElse(""));
        return new Credentials(provider, answered);
    }

    /**
     * Says in words which source of the default chain answered, from the resolved credentials' provider name: the
     * SDK's business-metric codes (e.g. {@code g} for environment variables, {@code n,o,i} for a role_arn profile),
     * or a provider class name in older SDKs.
     */
    static String describeProvider(String providerName) {
        Set<String> codes = Set.of(providerName.split("\\s*,\\s*"));
        String name = providerName.toLowerCase(java.util.Locale.ROOT);
        String what;
        if (has(codes, CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN) || name.contains("webidentity")) {
            what = "a web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)";
        } else if (has(codes, CREDENTIALS_PROFILE_SSO, CREDENTIALS_SSO, CREDENTIALS_PROFILE_SSO_LEGACY,
                CREDENTIALS_SSO_LEGACY) || name.contains("sso")) {
            what = "an SSO profile of the shared AWS config";
        } else if (has(codes, CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN)) {
            what = "a web_identity_token_file profile of the shared AWS config";
        } else if (has(codes, CREDENTIALS_PROFILE_SOURCE_PROFILE, CREDENTIALS_PROFILE_NAMED_PROVIDER)) {
            what = "a role_arn profile of the shared AWS config";
        } else if (has(codes, CREDENTIALS_PROFILE_PROCESS, CREDENTIALS_PROCESS) || name.contains("process")) {
            what = "a credential_process profile of the shared AWS config";
        } else if (has(codes, CREDENTIALS_PROFILE) || name.contains("profile")) {
            what = "the shared AWS config/credentials files";
        } else if (has(codes, CREDENTIALS_ENV_VARS) || name.contains("environment")) {
            what = "environment variables";
        } else if (has(codes, CREDENTIALS_JVM_SYSTEM_PROPERTIES) || name.contains("systemproperty")) {
            what = "Java system properties";
        } else if (has(codes, CREDENTIALS_HTTP) || name.contains("container")) {
            what = "the container credentials endpoint";
        } else if (has(codes, CREDENTIALS_IMDS) || name.contains("instanceprofile")) {
            what = "the instance metadata service";
        } else {
            what = providerName.isEmpty() ? "an unnamed source" : "source " + providerName;
        }
        return what + " (default credentials chain)";
    }

    private static boolean has(Set<String> codes, BusinessMetricFeatureId... ids) {
        for (BusinessMetricFeatureId id : ids) {
            if (codes.contains(id.value())) {
                return true;
            }
        }
        return false;
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
            ecr = remember(configure(EcrClient.builder(), region, credentials).build());
        }
        return ecr;
    }

    /**
     * An ECR client like {@link #ecr()} (same credentials, endpoint, proxy) in {@code other}: ECR tokens and
     * repositories are per region, and a full image URI may name another region than the configured one.
     */
    public synchronized EcrClient ecrIn(Region other) {
        if (other.equals(region)) {
            return ecr();
        }
        return ecrElsewhere.computeIfAbsent(other, r -> remember(configure(EcrClient.builder(), r, credentials)
                .build()));
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            // IAM is global: its signing region is the partition's global one, unless an endpoint replaces AWS.
            Region iamRegion = settings.endpoint() != null ? region : globalRegion();
            iam = remember(configure(IamClient.builder(), iamRegion, credentials).build());
        }
        return iam;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = remember(configure(StsClient.builder(), region, credentials).build());
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

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region clientRegion,
            AwsCredentialsProvider provider) {
        builder.region(clientRegion).credentialsProvider(provider);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (profileFile != null || settings.profile() != null) {
            // the profile's own settings (endpoint_url, services, retries) apply as with AWS_PROFILE
            builder.overrideConfiguration(o -> {
                if (profileFile != null) {
                    o.defaultProfileFileSupplier(profileFile);
                }
                if (settings.profile() != null) {
                    o.defaultProfileName(settings.profile());
                }
            });
        }
        if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(httpClient(settings.proxy()));
        }
        return builder;
    }

    /**
     * The HTTP client for {@code proxy} (null: none; the SDK's own proxy settings apply). The url-connection client
     * (fastest start, no threads) unless the proxy needs credentials: {@code HttpURLConnection} sends a
     * {@code Proxy-Authorization} header it is given to the <em>origin</em> of an HTTPS call (inside the tunnel), never
     * on the {@code CONNECT}, so an authenticating proxy refuses every AWS call and AWS would see the proxy's password.
     * Apache HttpClient 5 authenticates the {@code CONNECT} itself. It is shaded into the plugin jar without its
     * service entry, so the clients the SDK builds on its own (inside credential providers) keep url-connection.
     */
    static SdkHttpClient.Builder<?> httpClient(HttpProxy proxy) {
        if (proxy == null) {
            return UrlConnectionHttpClient.builder();
        }
        if (proxy.username() != null) {
            return Apache5HttpClient.builder().proxyConfiguration(
                    software.amazon.awssdk.http.apache5.ProxyConfiguration.builder().endpoint(proxy.endpoint())
                            .username(proxy.username()).password(proxy.password())
                            .nonProxyHosts(proxy.nonProxyHostPatterns())
                            .useSystemPropertyValues(false).useEnvironmentVariableValues(false).build());
        }
        return UrlConnectionHttpClient.builder().proxyConfiguration(
                software.amazon.awssdk.http.urlconnection.ProxyConfiguration.builder().endpoint(proxy.endpoint())
                        .nonProxyHosts(proxy.nonProxyHostPatterns())
                        .useSystemPropertyValues(false).useEnvironmentVariablesValues(false).build());
    }

    private <C> C remember(C closeable) {
        if (closeable instanceof AutoCloseable c) { // SDK clients and credential providers
            synchronized (built) {
                built.add(c);
            }
        }
        return closeable;
    }

    @Override
    public synchronized void close() {
        closeAll(built);
        ecr = null;
        ecrElsewhere.clear();
        iam = null;
        sts = null;
    }

    /** Closes in reverse order of building, best effort. */
    private static void closeAll(List<AutoCloseable> closeables) {
        synchronized (closeables) {
            for (int i = closeables.size() - 1; i >= 0; i--) {
                try {
                    closeables.get(i).close();
                } catch (Exception e) {
                    // closing is best effort
                }
            }
            closeables.clear();
        }
    }
}
