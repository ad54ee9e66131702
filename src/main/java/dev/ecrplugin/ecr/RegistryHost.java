package dev.ecrplugin.ecr;

import dev.ecrplugin.core.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry address as docker takes it: {@code host[:port]}, no scheme, no path. When the host is an Amazon ECR
 * registry host, {@link #ecr()} tells its account and region.
 *
 * @param host the host name or IP (IPv6 in brackets)
 * @param port the port, or -1
 */
public record RegistryHost(String host, int port) {

    /** {@code <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]} (and the other partitions' domains). */
    private static final Pattern ECR = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr(-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.(amazonaws\\.com(?:\\.cn)?|c2s\\.ic\\.gov"
                    + "|sc2s\\.sgov\\.gov|cloud\\.adc-e\\.uk|csp\\.hci\\.ic\\.gov)");
    /** Dual-stack: {@code <account>.dkr-ecr[-fips].<region>.on.aws} (and {@code .on.amazonwebservices.com.cn}). */
    private static final Pattern ECR_DUAL_STACK = Pattern.compile(
            "(\\d{12})\\.dkr-ecr(-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.(on\\.aws|on\\.amazonwebservices\\.com\\.cn)");
    private static final Pattern HOST = Pattern.compile(
            "(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)");

    /**
     * What an ECR registry host says about itself.
     *
     * @param accountId the registry id (12 digits)
     * @param region    the region id
     * @param fips      a FIPS endpoint
     * @param dualStack an IPv4 and IPv6 endpoint
     */
    public record Ecr(String accountId, String region, boolean fips, boolean dualStack) {}

    public RegistryHost {
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * Reads what users write for {@code <registry>}: {@code host}, {@code host:port}, or a URL such as the token's
     * {@code https://123456789012.dkr.ecr.eu-west-1.amazonaws.com}; {@code parameter} names the setting in errors.
     */
    public static RegistryHost parse(String value, String parameter) {
        String s = value == null ? "" : value.trim();
        if (s.isEmpty()) {
            throw new InvalidInputException("<" + parameter + "> is empty: write a registry as host[:port] or URL");
        }
        String authority = s;
        if (s.contains("://")) {
            try {
                URI uri = new URI(s);
                String path = uri.getPath() == null ? "" : uri.getPath();
                if (uri.getRawAuthority() == null || !path.isEmpty() && !path.equals("/") || uri.getQuery() != null
                        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw invalid(value, parameter);
                }
                authority = uri.getRawAuthority();
            } catch (URISyntaxException e) {
                throw invalid(value, parameter);
            }
        } else if (s.endsWith("/")) {
            authority = s.substring(0, s.length() - 1);
        }
        Matcher m = Pattern.compile("(.+?)(?::(\\d{1,5}))?").matcher(authority);
        if (!m.matches() || !HOST.matcher(m.group(1)).matches() || authority.contains("@")) {
            throw invalid(value, parameter);
        }
        int port = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        if (port == 0 || port > 65535) {
            throw invalid(value, parameter);
        }
        return new RegistryHost(m.group(1), port);
    }

    private static InvalidInputException invalid(String value, String parameter) {
        return new InvalidInputException("<" + parameter + "> '" + value + "' is not a registry address: write "
                + "host[:port] (e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or 127.0.0.1:5000) or an http(s) URL "
                + "without a path (POM <" + parameter + "> or -Decr." + parameter + ")");
    }

    /** The address docker uses: {@code host} or {@code host:port}. */
    public String address() {
        return port < 0 ? host : host + ":" + port;
    }

    /** The ECR account and region when this is an ECR registry host. */
    public Optional<Ecr> ecr() {
        Matcher m = ECR.matcher(host);
        if (m.matches()) {
            return Optional.of(new Ecr(m.group(1), m.group(3), m.group(2) != null, false));
        }
        m = ECR_DUAL_STACK.matcher(host);
        if (m.matches()) {
            return Optional.of(new Ecr(m.group(1), m.group(3), m.group(2) != null, true));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return address();
    }
}
