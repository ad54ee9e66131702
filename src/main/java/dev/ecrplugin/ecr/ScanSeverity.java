package dev.ecrplugin.ecr;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Strings;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;

/**
 * The order of ECR's finding severities, most severe first: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED
 * (the SDK's {@link FindingSeverity} values). A severity ECR sends that the SDK does not know ranks as UNDEFINED.
 */
public final class ScanSeverity {

    /** Most severe first. */
    public static final List<FindingSeverity> ORDER = List.of(FindingSeverity.CRITICAL, FindingSeverity.HIGH,
            FindingSeverity.MEDIUM, FindingSeverity.LOW, FindingSeverity.INFORMATIONAL, FindingSeverity.UNDEFINED);

    private ScanSeverity() {}

    /** The rank of {@code severity}: 0 for CRITICAL ... 5 for UNDEFINED (and for what the SDK does not know). */
    public static int rank(FindingSeverity severity) {
        int rank = severity == null ? -1 : ORDER.indexOf(severity);
        return rank < 0 ? ORDER.size() - 1 : rank;
    }

    /** True when {@code severity} is {@code threshold} or more severe. */
    public static boolean atOrAbove(FindingSeverity severity, FindingSeverity threshold) {
        return rank(severity) <= rank(threshold);
    }

    /**
     * Reads {@code <failOnSeverity>}: one of {@link #ORDER} (any case), or null, blank or NONE for no threshold
     * (report only).
     */
    public static FindingSeverity threshold(String value) {
        String s = Strings.trimToNull(value);
        if (s == null || s.equalsIgnoreCase("NONE")) {
            return null;
        }
        FindingSeverity severity = FindingSeverity.fromValue(s.toUpperCase(Locale.ROOT));
        if (severity == null || severity == FindingSeverity.UNKNOWN_TO_SDK_VERSION) {
            throw new InvalidInputException("<failOnSeverity> '" + s + "' is not an ECR finding severity: use one of "
                    + ORDER.stream().map(FindingSeverity::toString)
                    .collect(Collectors.joining(", ")) + ", or NONE to only report (POM <failOnSeverity> or "
                    + "-Decr.failOnSeverity)");
        }
        return severity;
    }
}
