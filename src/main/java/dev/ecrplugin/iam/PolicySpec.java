package dev.ecrplugin.iam;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Strings;
import dev.ecrplugin.policy.PolicyText;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The customer-managed IAM policy a POM declares.
 *
 * @param name        policy name (IAM: 1 to 128 characters of letters, digits and {@code +=,.@_-})
 * @param description description, used on creation only (IAM cannot change it later), or null
 * @param document    the policy document as given
 */
public record PolicySpec(String name, String description, PolicyText document) {

    /** The characters IAM allows in user, group, role and policy names. */
    static final String NAME_CHARS = "[\\w+=,.@-]";
    /** IAM's rules for policy names (CreatePolicy: 1-128 of {@link #NAME_CHARS}). */
    private static final Pattern NAME = Pattern.compile(NAME_CHARS + "{1,128}");

    public PolicySpec {
        checkName(name, "policyName", "ecr.policyName");
        Objects.requireNonNull(document, "document");
        description = Strings.trimToNull(description);
        if (description != null && description.length() > 1000) {
            throw new InvalidInputException("<description> is " + description.length()
                    + " characters long; IAM allows at most 1000 (POM <description> or -Decr.policyDescription)");
        }
    }

    /** Checks an IAM policy name; {@code parameter} and {@code property} are what the error names. */
    public static void checkName(String name, String parameter, String property) {
        if (Strings.trimToNull(name) == null) {
            throw new InvalidInputException("<" + parameter + "> is required: name the IAM policy (POM <"
                    + parameter + "> or -D" + property + ")");
        }
        if (!isValidName(name)) {
            throw new InvalidInputException("<" + parameter + "> '" + name + "' is not a valid IAM policy name: use "
                    + "1 to 128 letters, digits and + = , . @ _ - (no spaces or slashes)");
        }
    }

    /** True when IAM accepts the name as a policy name (the one rule for create-policy and create-user). */
    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
