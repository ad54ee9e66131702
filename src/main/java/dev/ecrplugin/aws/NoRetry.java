package dev.ecrplugin.aws;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * For AWS calls that must not be repeated blindly (IAM CreateAccessKey, CreatePolicyVersion): they go through a
 * client that sends each request once ({@link AwsClients#iamSendingOnce()}, the SDK's retries off), and this is the
 * test of whether such a call that failed may nevertheless have acted, so that the caller looks before it acts
 * again.
 */
public final class NoRetry {

    private NoRetry() {}

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
