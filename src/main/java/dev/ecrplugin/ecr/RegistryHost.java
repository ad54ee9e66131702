package dev.ecrplugin.ecr;

import dev.ecrplugin.aws.Partitions;
import dev.ecrplugin.core.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.PartitionMetadata;

/**
 * A registry address as docker takes it: {@code host[:port]}, no scheme, no path. When the host is an Amazon ECR
 * registry host, {@link #ecr()} tells its account and region.
 *
 * @param host the host name or IP (IPv6 in brackets)
 * @param port the port, or -1
 */
public record RegistryHost(String host, int port) {

    /** An AWS region id: us-east-1, cn-north-1, us-isob-east-1, eusc-de-east-1 (the European Sovereign Cloud). */
    public static final String REGION = "[a-z]{2,5}(?:-[a-z]+)+-\\d+";
    /**
     * {@code <account>.dkr.ecr[-fips].<region>.<domain>}: {@code amazonaws.com}, {@code amazonaws.com.cn} (China),
     * {@code amazonaws.eu} (European Sovereign Cloud) and the ISO partitions' domains.
     */
    private static final Pattern ECR = Pattern.compile("(\\d{12})\\.dkr\\.ecr(-fips)?\\.(" + REGION + ")\\."
            + "(amazonaws\\.com(?:\\.cn)?|amazonaws\\.eu|c2s\\.ic\\.gov|sc2s\\.sgov\\.gov|cloud\\.adc-e\\.uk"
            + "|csp\\.hci\\.ic\\.gov)");
    /** Dual-stack: {@code <account>.dkr-ecr[-fips].<region>.on.aws} (and {@code .on.amazonwebservices.com.cn}). */
    private static final Pattern ECR_DUAL_STACK = Pattern.compile("(\\d{12})\\.dkr-ecr(-fips)?\\.(" + REGION + ")\\."
            + "(on\\.aws|on\\.amazonwebservices\\.com\\.cn)");
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

    /**
     * The ECR account and region when this is an ECR registry host: the domain must be the one of the region's
     * partition (the AWS SDK's partition table; a region it does not know counts as the {@code aws} partition's), so
     * {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com.cn} is no ECR host.
     */
    public Optional<Ecr> ecr() {
        Matcher m = ECR.matcher(host);
        if (m.matches() && m.group(4).equals(partition(m.group(3)).dnsSuffix())) {
            return Optional.of(new Ecr(m.group(1), m.group(3), m.group(2) != null, false));
        }
        m = ECR_DUAL_STACK.matcher(host);
        if (m.matches() && m.group(4).equals(dualStackDomain(partition(m.group(3))))) {
            return Optional.of(new Ecr(m.group(1), m.group(3), m.group(2) != null, true));
        }
        return Optional.empty();
    }

    /** The partition of {@code region} (aws, aws-cn, aws-us-gov, aws-eusc, ...), by the AWS SDK's partition table. */
    public static String partitionOf(String region) {
        return partition(region).id();
    }

    private static PartitionMetadata partition(String region) {
        return Partitions.of(region);
    }

    /** ECR's dual-stack registry domain of a partition ({@code on.aws}, China's own), or null where it has none. */
    private static String dualStackDomain(PartitionMetadata partition) {
        return switch (partition.dnsSuffix()) {
            case "amazonaws.com" -> "on.aws";
            case "amazonaws.com.cn" -> "on.amazonwebservices.com.cn";
            default -> null;
        };
    }

    @Override
    public String toString() {
        return address();
    }
}
