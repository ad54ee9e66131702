package dev.ecrplugin.aws;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * An HTTP implementation for the SDK's own default choice ({@code software.amazon.awssdk.http.service.impl}) that
 * counts how often the SDK had to pick a client itself, in {@link SdkOwnClientsProbe}'s JVM.
 */
public final class RecordingHttpService implements SdkHttpService {

    static final AtomicInteger BUILT = new AtomicInteger();

    @Override
    public SdkHttpClient.Builder<?> createHttpClientBuilder() {
        BUILT.incrementAndGet();
        new Throwable("the SDK picked its own HTTP client here").printStackTrace();
        return UrlConnectionHttpClient.builder();
    }
}
