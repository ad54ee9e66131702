package dev.ecrplugin.aws;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An AWS endpoint that could not be reached, or did not answer in time, said in the plugin's words: the URL, where
 * it came from, what to do. The SDK's own exception is kept as a suppressed exception, not as the cause, so that
 * Maven (which appends every cause's message to the error line) shows the plugin's message alone; {@code -e} still
 * prints it. The SDK accepts only an exception of the original's class from an interceptor: its (final) timeout
 * exceptions are therefore named by a new instance of the same class, with the original suppressed in it
 * ({@link #named}).
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

    /** {@code original}, said as {@code message}: an instance of the original's class where the SDK demands it. */
    static SdkException named(String message, SdkException original) {
        SdkException named;
        if (original instanceof ApiCallTimeoutException) {
            named = ApiCallTimeoutException.create(message, null);
        } else if (original instanceof ApiCallAttemptTimeoutException) {
            named = ApiCallAttemptTimeoutException.create(message, null);
        } else if (original.getClass() == SdkClientException.class) {
            return of(message, original);
        } else {
            return original; // a subclass the plugin cannot stand in for: left as it is
        }
        named.addSuppressed(original);
        return named;
    }

    /** Whether {@code t} is a failure the plugin named (by {@link #named}). */
    static boolean isNamed(Throwable t) {
        return t instanceof UnreachableEndpointException
                || (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException)
                        && t.getSuppressed().length == 1 && t.getSuppressed()[0].getClass() == t.getClass();
    }

    /** The named failure in {@code e}'s cause chain, or null. */
    static SdkException namedIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isNamed(t)) {
                return (SdkException) t;
            }
        }
        return null;
    }

    private static final class Builder extends SdkClientException.BuilderImpl {}
}
