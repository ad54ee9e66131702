package dev.ecrplugin.core;

import java.util.Objects;

/**
 * What a provisioning step did (or, in a dry run, would do) to one resource. {@link #line()} is the one INFO line
 * the goal logs for it, e.g. {@code Created repository repo1 (arn:aws:ecr:...)}.
 *
 * @param outcome what happened
 * @param kind    the resource kind as users say it ("repository", "IAM policy", "IAM user")
 * @param name    the resource's name
 * @param arn     its ARN, or null where not known (a dry run of a creation)
 * @param detail  what changed or would change, or null
 */
public record Change(Outcome outcome, String kind, String name, String arn, String detail) {

    public enum Outcome {
        CREATED("Created"),
        UPDATED("Updated"),
        UNCHANGED(null),
        WOULD_CREATE("Would create"),
        WOULD_UPDATE("Would update");

        private final String verb;

        Outcome(String verb) {
            this.verb = verb;
        }

        /** True when the AWS state was (or would be) changed. */
        public boolean changes() {
            return this != UNCHANGED;
        }
    }

    public Change {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Change created(String kind, String name, String arn) {
        return new Change(Outcome.CREATED, kind, name, arn, null);
    }

    public static Change unchanged(String kind, String name, String arn) {
        return new Change(Outcome.UNCHANGED, kind, name, arn, null);
    }

    public String line() {
        String subject = kind.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + kind.substring(1) + " " + name;
        StringBuilder line = new StringBuilder();
        if (outcome == Outcome.UNCHANGED) {
            line.append(subject).append(" already exists, unchanged");
        } else {
            line.append(outcome.verb).append(' ').append(kind).append(' ').append(name);
        }
        if (detail != null && !detail.isEmpty()) {
            line.append(" (").append(detail).append(')');
        }
        if (arn != null) {
            line.append(" [").append(arn).append(']');
        }
        return line.toString();
    }
}
