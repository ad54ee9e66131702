package dev.ecrplugin.aws;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * For AWS calls that must not be repeated blindly (IAM CreateAccessKey, CreatePolicyVersion): a request override
 * that switches the SDK's retries off for that one request (a per-request plugin that sets
 * {@link AwsRetryStrategy#doNotRetry()}, so the client's own retry mode and the profile's {@code retry_mode} do
 * not apply to it), and the test of whether a failed call may nevertheless have acted.
 */
public final class NoRetry {

    private static final SdkPlugin DO_NOT_RETRY = config -> config.overrideConfiguration(
            config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

    private static final AwsRequestOverrideConfiguration OVERRIDE =
            AwsRequestOverrideConfiguration.builder().addPlugin(DO_NOT_RETRY).build();

    private NoRetry() {}

    /** The override for a request that the SDK must send once, e.g. {@code r.overrideConfiguration(NoRetry.once())}. */
    public static AwsRequestOverrideConfiguration once() {
        return OVERRIDE;
    }

    /**
     * True when a failed call may have reached AWS and acted: a 5xx answer (the service failed, maybe after acting),
     * a throttling answer is not (AWS refused before acting, as for every other 4xx), and any failure without an
     * answer (connection reset or closed, a read timeout, the call or attempt timeout) is, since the request may
     * have been sent in full.
     */
    public static boolean outcomeUnknown(SdkException e) {
        if (e instanceof SdkServiceException service) {
            return service.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }
}
