package dev.ecrplugin.aws;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.Lazy;

/**
 * Builds every AWS client of a session, those inside the credential providers (STS, SSO, SSO-OIDC) as well as ECR,
 * IAM and STS for the goals, all alike: {@code <endpoint>} (else the SDK's own endpoint settings), the profile's
 * settings, the HTTP client and proxy of {@link HttpClients}, the timeouts of {@link AwsTimeouts}, the SDK's
 * STANDARD retry mode (or no retries at all, {@link #buildSendingOnce}), failures that name the URL
 * ({@link EndpointNamingInterceptor}) and each call's time at DEBUG ({@link CallTimer}). The one place of retry and
 * timeout configuration.
 * One HTTP client serves every client it builds: connections are kept alive per HTTP client (the url-connection
 * client's own TLS socket factory is part of the JDK's keep-alive key), so IAM's two clients, and a session's later
 * clients of a host, reuse one connection instead of each opening its own. Remembers what it built, to close it.
 */
final class ClientFactory {

    private final AwsSettings settings;
    private final Supplier<ProfileFile> profileFile;
    private final Closer closer;
    private final Reporter reporter;
    private final Lazy<SdkHttpClient> http;
    private final Lazy<Optional<Integer>> profileMaxAttempts = new Lazy<>(this::profileMaxAttempts);

    ClientFactory(AwsSettings settings, Supplier<ProfileFile> profileFile, Closer closer, Reporter reporter) {
        this.settings = settings;
        this.profileFile = profileFile;
        this.closer = closer;
        this.reporter = reporter;
        // built with the first client, closed with the rest (after them: the Closer closes in reverse order)
        this.http = new Lazy<>(() -> closer.add(HttpClients.forProxy(settings.proxy()).build()));
    }

    /** {@code builder} configured for {@code service} in {@code region}, built, remembered for closing. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsService service,
            Region region, AwsCredentialsProvider credentials) {
        return build(builder, service, region, credentials, true);
    }

    /**
     * As {@link #build}, but the client sends each request once: the SDK's retries are off (its STANDARD mode, the
     * profile's {@code retry_mode} and {@code max_attempts}, {@code AWS_RETRY_MODE} and {@code AWS_MAX_ATTEMPTS} do
     * not apply), for the calls that create something and must not be repeated blindly (see {@link NoRetry}). A
     * client of its own rather than a per-request plugin: the SDK rebuilds the client's configuration for a request
     * that brings a plugin (about 15 ms more for the first such call in a fresh JVM, 25-30 ms inside a build, on the
     * goal's thread), while this client is built ahead, beside the other.
     */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C buildSendingOnce(B builder,
            AwsService service, Region region, AwsCredentialsProvider credentials) {
        return build(builder, service, region, credentials, false);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsService service,
            Region region, AwsCredentialsProvider credentials, boolean retries) {
        builder.region(region).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        AwsTimeouts timeouts = settings.timeouts();
        EndpointSource source = EndpointSource.of(service, settings, profileFile);
        builder.overrideConfiguration(o -> {
            o.apiCallTimeout(timeouts.apiCall()).apiCallAttemptTimeout(timeouts.apiCallAttempt())
                    .addExecutionInterceptor(new EndpointNamingInterceptor(service, source, timeouts))
                    .addExecutionInterceptor(new CallTimer(service, reporter));
            if (retries && profileMaxAttempts.getValue().isPresent()) {
                o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(profileMaxAttempts.getValue().get()).build());
            } else if (retries) {
                o.retryStrategy(RetryMode.STANDARD); // the SDK applies aws.maxAttempts, AWS_MAX_ATTEMPTS
            } else { // explicit: neither the profile's retry_mode nor AWS_RETRY_MODE brings retries back
                o.retryStrategy(AwsRetryStrategy.doNotRetry());
            }
            // the profile's own settings (endpoint_url, services) apply as with AWS_PROFILE
            if (profileFile != null) {
                o.defaultProfileFileSupplier(profileFile);
            }
            if (settings.profile() != null) {
                o.defaultProfileName(settings.profile());
            }
        });
        builder.httpClient(http.getValue()); // not closed by the client: by the Closer, last
        return closer.add(builder.build());
    }

    /**
     * {@code max_attempts} of the profile in use ({@code <profile>}, else {@code AWS_PROFILE}'s, else the default
     * one), unless {@code aws.maxAttempts} or {@code AWS_MAX_ATTEMPTS} is set. The SDK applies those two to the
     * STANDARD mode it is given, but reads no profile's {@code max_attempts} then: the plugin reads it itself, as the
     * AWS CLI honours it.
     */
    private Optional<Integer> profileMaxAttempts() {
        if (SdkSystemSetting.AWS_MAX_ATTEMPTS.getStringValue().isPresent()) {
            return Optional.empty();
        }
        String name = ProfileFiles.nameInUse(settings);
        Optional<String> value = ProfileFiles.profile(profileFile, name)
                .flatMap(p -> p.property(ProfileProperty.MAX_ATTEMPTS));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int attempts = Integer.parseInt(value.get().trim());
            if (attempts >= 1) {
                return Optional.of(attempts);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("max_attempts = " + value.get() + " in the AWS profile '" + name
                + "' is not a whole number of 1 or more: fix it in the AWS config file (1 means no retries)");
    }

    AwsSettings settings() {
        return settings;
    }

    Supplier<ProfileFile> profileFile() {
        return profileFile;
    }

    Closer closer() {
        return closer;
    }
}
