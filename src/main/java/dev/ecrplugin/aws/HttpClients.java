package dev.ecrplugin.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** Picks the HTTP client of every AWS client the plugin builds. */
final class HttpClients {

    private HttpClients() {}

    /**
     * The HTTP client for {@code proxy} (null: none; the SDK's own proxy settings apply). The url-connection client
     * (fastest start, no threads) unless the proxy needs credentials: {@code HttpURLConnection} sends a
     * {@code Proxy-Authorization} header it is given to the <em>origin</em> of an HTTPS call (inside the tunnel), never
     * on the {@code CONNECT}, so an authenticating proxy refuses every AWS call and AWS would see the proxy's password.
     * Apache HttpClient 5 authenticates the {@code CONNECT} itself. Every client the plugin uses, those inside the
     * credential providers included, is built with this choice (see {@link ClientFactory}): the SDK never picks a
     * default client of its own.
     */
    static SdkHttpClient.Builder<?> forProxy(HttpProxy proxy) {
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
}
