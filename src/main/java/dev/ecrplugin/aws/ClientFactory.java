package dev.ecrplugin.aws;

import dev.ecrplugin.core.Reporter;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * Builds every AWS client of a session, those inside the credential providers (STS, SSO, SSO-OIDC) as well as ECR,
 * IAM and STS for the goals, all alike: {@code <endpoint>} (else the SDK's own endpoint settings), the profile's
 * settings, the HTTP client and proxy of {@link HttpClients}, the timeouts of {@link AwsTimeouts}, the SDK's
 * STANDARD retry mode, failures that name the URL ({@link EndpointNamingInterceptor}) and each call's time at DEBUG
 * ({@link CallTimer}). The one place of client-level retry and timeout configuration (per-request overrides belong to
 * the calls that need them).
 * Remembers what it built, to close it.
 */
final class ClientFactory {

    private final AwsSettings settings;
    private final Supplier<ProfileFile> profileFile;
    private final Closer closer;
    private final Reporter reporter;

    ClientFactory(AwsSettings settings, Supplier<ProfileFile> profileFile, Closer closer, Reporter reporter) {
        this.settings = settings;
        this.profileFile = profileFile;
        this.closer = closer;
        this.reporter = reporter;
    }

    /** {@code builder} configured for {@code service} in {@code region}, built, remembered for closing. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsService service,
            Region region, AwsCredentialsProvider credentials) {
        builder.region(region).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        AwsTimeouts timeouts = settings.timeouts();
        EndpointSource source = EndpointSource.of(service, settings, profileFile);
        builder.overrideConfiguration(o -> {
            o.apiCallTimeout(timeouts.apiCall()).apiCallAttemptTimeout(timeouts.apiCallAttempt())
                    .retryStrategy(RetryMode.STANDARD)
                    .addExecutionInterceptor(new EndpointNamingInterceptor(service, source, timeouts))
                    .addExecutionInterceptor(new CallTimer(service, reporter));
            // the profile's own settings (endpoint_url, services) apply as with AWS_PROFILE
            if (profileFile != null) {
                o.defaultProfileFileSupplier(profileFile);
            }
            if (settings.profile() != null) {
                o.defaultProfileName(settings.profile());
            }
        });
        builder.httpClientBuilder(HttpClients.forProxy(settings.proxy()));
        return closer.add(builder.build());
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
