package dev.ecrplugin.aws;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTTP proxy for the AWS calls (today: the active settings.xml {@code <proxy>}, already decrypted by the Maven
 * layer). {@link #toString()} never shows the password.
 *
 * @param host          proxy host
 * @param port          proxy port
 * @param nonProxyHosts hosts reached directly, Maven's syntax: {@code |}-separated, {@code *} as wildcard; or null
 * @param username      proxy user, or null
 * @param password      proxy password, or null
 */
public record HttpProxy(String host, int port, String nonProxyHosts, String username, String password) {

    public HttpProxy {
        Objects.requireNonNull(host, "host");
        username = username == null || username.isEmpty() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
    }

    /** The proxy's own URL (proxies are spoken to in HTTP; HTTPS targets are tunnelled with CONNECT). */
    public URI endpoint() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The non-proxy hosts as the regular expressions the SDK's HTTP client matches host names against. */
    public Set<String> nonProxyHostPatterns() {
        Set<String> patterns = new LinkedHashSet<>();
        if (nonProxyHosts != null) {
            Arrays.stream(nonProxyHosts.split("[|,]")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(glob -> Arrays.stream(glob.toLowerCase(java.util.Locale.ROOT).split("\\*", -1))
                            .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                            .reduce((a, b) -> a + ".*" + b).orElse(""))
                    .forEach(patterns::add);
        }
        return patterns;
    }

    @Override
    public String toString() {
        return "HttpProxy[" + host + ":" + port + (username == null ? "" : ", user " + username)
                + (nonProxyHosts == null ? "" : ", nonProxyHosts " + nonProxyHosts) + "]";
    }
}
