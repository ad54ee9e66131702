package dev.ecrplugin.aws;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * An AWS endpoint that could not be reached, or did not answer in time, said in the plugin's words: the URL, where
 * it came from, what to do. The SDK's own exception is kept as a suppressed exception, not as the cause, so that
 * Maven (which appends every cause's message to the error line) shows the plugin's message alone; {@code -e} still
 * prints it.
 */
public final class UnreachableEndpointException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    private UnreachableEndpointException(Builder builder) {
        super(builder);
    }

    static UnreachableEndpointException of(String message, Throwable original) {
        Builder builder = new Builder();
        builder.message(message);
        UnreachableEndpointException e = new UnreachableEndpointException(builder);
        e.addSuppressed(original);
        return e;
    }

    private static final class Builder extends SdkClientException.BuilderImpl {}
}
