package dev.ecrplugin.policy;

import dev.ecrplugin.core.InvalidInputException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of {@code ${aws.accountId}}, {@code ${aws.region}} and {@code ${aws.partition}} in policy documents.
 * Each is asked of its supplier at most once, and only when a document uses it (the account costs an STS call).
 * IAM's own policy variables ({@code ${aws:username}}, with a colon) are left alone. Thread-safe.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{aws\\.([A-Za-z]*)}");

    private final Supplier<String> accountId;
    private final Supplier<String> region;
    private final Supplier<String> partition;

    public Placeholders(Supplier<String> accountId, Supplier<String> region, Supplier<String> partition) {
        this.accountId = memoize(accountId);
        this.region = memoize(region);
        this.partition = memoize(partition);
    }

    public String accountId() {
        return accountId.get();
    }

    public String region() {
        return region.get();
    }

    public String partition() {
        return partition.get();
    }

    /** The placeholder names {@code text} uses that are not known, as the first one found, or null. */
    static String firstUnknown(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!m.group(1).matches("accountId|region|partition")) {
                return m.group();
            }
        }
        return null;
    }

    /** {@code text} with every placeholder replaced. */
    public String replace(String text, String origin) {
        String unknown = firstUnknown(text);
        if (unknown != null) {
            throw new InvalidInputException(origin + " uses the unknown placeholder " + unknown
                    + ": use ${aws.accountId}, ${aws.region} or ${aws.partition}");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "accountId" -> accountId();
                case "region" -> region();
                default -> partition();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Supplier<String> memoize(Supplier<String> supplier) {
        Objects.requireNonNull(supplier);
        return new Supplier<>() {
            private String value;

            @Override
            public synchronized String get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
