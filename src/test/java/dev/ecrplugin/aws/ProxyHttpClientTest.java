package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ecrplugin.testing.TinyProxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * HTTPS through a settings.xml proxy that needs credentials, as every real AWS endpoint is reached behind a corporate
 * proxy: a real tinyproxy with basic auth, and an HTTPS origin (the JDK's server, a self-signed certificate made by
 * keytool) that records the headers it receives.
 */
class ProxyHttpClientTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private KeyStore store;
    private HttpsServer origin;
    private final List<Set<String>> originHeaders = new CopyOnWriteArrayList<>();
    private TinyProxy proxy;

    @BeforeEach
    void start() throws Exception {
        store = selfSignedFor127001();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        origin = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.setHttpsConfigurator(new HttpsConfigurator(tls));
        origin.createContext("/", exchange -> {
            originHeaders.add(exchange.getRequestHeaders().keySet().stream()
                    .map(h -> h.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet()));
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();
        proxy = TinyProxy.start(dir.resolve("proxy"));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (origin != null) {
            origin.stop(0);
        }
    }

    @Test
    void aProxyWithCredentialsTunnelsHttpsAndTheOriginNeverSeesThem() throws Exception {
        HttpProxy settings = new HttpProxy("127.0.0.1", proxy.port(), null, TinyProxy.USER, TinyProxy.PASSWORD);
        Apache5HttpClient.Builder apache = assertInstanceOf(Apache5HttpClient.Builder.class,
                HttpClients.forProxy(settings), "a proxy with credentials needs a client that authenticates CONNECT");

        try (SdkHttpClient http = apache.tlsTrustManagersProvider(this::trustTheOrigin).build()) {
            assertEquals(200, get(http));
        }
        assertEquals(1, originHeaders.size());
        assertFalse(originHeaders.get(0).contains("proxy-authorization"), "the origin got the proxy's credentials");
        assertTrue(Files.readString(proxy.log()).contains("CONNECT 127.0.0.1:" + origin.getAddress().getPort()),
                "the call went through the proxy");
    }

    @Test
    void aProxyWithoutCredentialsKeepsTheUrlConnectionClient() {
        assertInstanceOf(UrlConnectionHttpClient.Builder.class,
                HttpClients.forProxy(new HttpProxy("127.0.0.1", proxy.port(), null, null, null)));
        assertInstanceOf(UrlConnectionHttpClient.Builder.class, HttpClients.forProxy(null));
    }

    /**
     * Why the Apache client: given proxy credentials, the url-connection client sends them as a header of the
     * tunnelled request (to the origin), not on the CONNECT, and the proxy refuses the tunnel. If a future SDK
     * fixes this, this test says so and the url-connection client can serve authenticating proxies again.
     */
    @Test
    void theUrlConnectionClientCannotAuthenticateAConnect() throws Exception {
        ProxyConfiguration withCredentials = ProxyConfiguration.builder()
                .endpoint(URI.create("http://127.0.0.1:" + proxy.port())).username(TinyProxy.USER)
                .password(TinyProxy.PASSWORD).useSystemPropertyValues(false).useEnvironmentVariablesValues(false)
                .build();
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().proxyConfiguration(withCredentials)
                .tlsTrustManagersProvider(this::trustTheOrigin).build()) {
            IOException refused = assertThrows(IOException.class, () -> get(http));
            assertTrue(refused.getMessage().contains("407"), refused.getMessage());
        }
        assertTrue(originHeaders.isEmpty());
    }

    private int get(SdkHttpClient http) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .uri(URI.create("https://127.0.0.1:" + origin.getAddress().getPort() + "/"))
                .method(SdkHttpMethod.GET).build();
        return http.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call().httpResponse()
                .statusCode();
    }

    private javax.net.ssl.TrustManager[] trustTheOrigin() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust.getTrustManagers();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key pair and self-signed certificate for 127.0.0.1, made by the running JDK's keytool. */
    private KeyStore selfSignedFor127001() throws Exception {
        Path file = dir.resolve("origin.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "origin", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(STORE_PASSWORD),
                "-keypass", new String(STORE_PASSWORD)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.out").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                () -> "keytool failed: " + readQuietly(dir.resolve("keytool.out")));
        return KeyStore.getInstance(file.toFile(), STORE_PASSWORD);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
