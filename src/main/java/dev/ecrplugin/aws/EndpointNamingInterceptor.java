package dev.ecrplugin.aws;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Replaces a client's network failure (DNS, connection, TLS, timeouts) by an {@link UnreachableEndpointException}
 * that names the URL tried, where that URL came from and what to change. Runs once per call, after the SDK's
 * retries. Answers of AWS (service exceptions) and every other failure pass unchanged.
 */
final class EndpointNamingInterceptor implements ExecutionInterceptor {

    private final AwsService service;
    private final EndpointSource source;
    private final AwsTimeouts timeouts;

    EndpointNamingInterceptor(AwsService service, EndpointSource source, AwsTimeouts timeouts) {
        this.service = service;
        this.source = source;
        this.timeouts = timeouts;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        Throwable e = context.exception();
        if (!(e instanceof SdkException sdk) || e instanceof SdkServiceException) {
            return e;
        }
        if (UnreachableEndpointException.namedIn(e) != null) {
            return e; // a call inside this one (a credential provider's) already said which URL failed
        }
        String problem = problem(e);
        if (problem == null) {
            return e;
        }
        String url = context.httpRequest().map(EndpointNamingInterceptor::url).orElse("the " + service.title()
                + " endpoint");
        return UnreachableEndpointException.named(service.title() + " at " + url + " (" + source.label() + ") "
                + problem, sdk);
    }

    /** What went wrong and what to do, or null when it is not a network failure. */
    private String problem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiCallTimeoutException) {
                return "did not answer within " + timeouts.apiCall().toSeconds() + " s (the whole call, retries "
                        + "included): raise <apiCallTimeout>/-Decr.apiCallTimeout, or " + source.fix();
            }
            if (t instanceof ApiCallAttemptTimeoutException) {
                return "did not answer within " + timeouts.apiCallAttempt().toSeconds() + " s, at each attempt: "
                        + "raise <apiCallAttemptTimeout>/-Decr.apiCallAttemptTimeout, or " + source.fix();
            }
            if (t instanceof UnknownHostException) {
                return "cannot be reached: unknown host " + t.getMessage() + ". " + capitalized(source.fix());
            }
            if (t instanceof ConnectException) {
                return "cannot be reached: " + t.getMessage() + ". " + capitalized(source.fix());
            }
            if (t instanceof SSLException) {
                return "failed the TLS handshake: " + t.getMessage() + ". " + capitalized(source.fix());
            }
            if (t instanceof SocketTimeoutException) {
                return "did not answer: " + t.getMessage() + ". " + capitalized(source.fix());
            }
            if (t instanceof IOException) {
                return "cannot be reached: " + t.getMessage() + ". " + capitalized(source.fix());
            }
        }
        return null;
    }

    /** The URL without its query (SSO's carries the account and role names; nothing a message needs). */
    private static String url(SdkHttpRequest request) {
        URI uri = request.getUri();
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || "/".equals(uri.getRawPath()) ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
