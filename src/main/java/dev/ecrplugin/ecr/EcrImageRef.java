package dev.ecrplugin.ecr;

import dev.ecrplugin.core.InvalidInputException;
import java.util.regex.Pattern;

/**
 * An image reference as docker reads it, {@code [registry/]repository[:tag][@digest]}, e.g. {@code myapp:1.0} or
 * the full ECR URI {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.0}.
 *
 * @param registry   the registry, or null (a local name, or Docker Hub)
 * @param repository the repository path, e.g. {@code team/app}
 * @param tag        the tag, or null
 * @param digest     the digest, or null
 */
public record EcrImageRef(RegistryHost registry, String repository, String tag, String digest) {

    /** docker's tag rule. */
    public static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    public static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

    /** Parses {@code value}, the setting {@code parameter}; a name without tag nor digest gets neither. */
    public static EcrImageRef parse(String value, String parameter) {
        String s = value == null ? "" : value.trim();
        if (s.isEmpty()) {
            throw new InvalidInputException("<" + parameter + "> is required: name the image, e.g. myapp:1.0 (POM <"
                    + parameter + "> or -Decr." + parameter + ")");
        }
        String rest = s;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw invalid(value, parameter);
            }
        }
        RegistryHost registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = RegistryHost.parse(first, parameter);
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(value, parameter);
            }
        }
        for (String component : rest.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw invalid(value, parameter);
            }
        }
        return new EcrImageRef(registry, rest, tag, digest);
    }

    private static InvalidInputException invalid(String value, String parameter) {
        return new InvalidInputException("<" + parameter + "> '" + value + "' is not a valid image reference: write "
                + "[registry/]name[:tag][@digest] with a lowercase name, e.g. myapp:1.0 (POM <" + parameter
                + "> or -Decr." + parameter + ")");
    }

    /** Checks a tag against docker's rule; {@code parameter} names the setting in the error. */
    public static String checkTag(String tag, String parameter) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new InvalidInputException("<" + parameter + "> '" + tag + "' is not a valid image tag: use up to "
                    + "128 letters, digits, _ . and -, not starting with . or - (POM <" + parameter + "> or -Decr."
                    + parameter + ")");
        }
        return tag;
    }

    /** Checks a digest such as {@code sha256:<64 hex>}. */
    public static String checkDigest(String digest, String parameter) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new InvalidInputException("<" + parameter + "> '" + digest + "' is not an image digest: write it "
                    + "like sha256:<64 hex digits> (POM <" + parameter + "> or -Decr." + parameter + ")");
        }
        return digest;
    }

    /** The ECR account of the registry, when the registry is an ECR host. */
    public String registryId() {
        return registry == null ? null : registry.ecr().map(RegistryHost.Ecr::accountId).orElse(null);
    }

    /** The reference as docker writes it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (registry != null) {
            s.append(registry.address()).append('/');
        }
        s.append(repository);
        if (tag != null) {
            s.append(':').append(tag);
        }
        if (digest != null) {
            s.append('@').append(digest);
        }
        return s.toString();
    }
}
