package dev.ecrplugin.aws;

import dev.ecrplugin.core.InvalidInputException;

/**
 * An IAM role the plugin assumes with STS AssumeRole on top of whichever base credentials it found.
 *
 * @param roleArn     the role's ARN, e.g. {@code arn:aws:iam::123456789012:role/ci-pusher}
 * @param sessionName the role session name (shows in CloudTrail)
 * @param externalId  the external id the role's trust policy demands, or null
 */
public record RoleToAssume(String roleArn, String sessionName, String externalId) {

    public static final String DEFAULT_SESSION_NAME = "ecr-maven-plugin";

    public RoleToAssume {
        if (roleArn == null || !roleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+")) {
            throw new InvalidInputException("<roleArn> '" + roleArn + "' is not an IAM role ARN: write it like "
                    + "arn:aws:iam::123456789012:role/NAME (POM <roleArn> or -Decr.roleArn)");
        }
        sessionName = sessionName == null || sessionName.isBlank() ? DEFAULT_SESSION_NAME : sessionName.trim();
        if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new InvalidInputException("<roleSessionName> '" + sessionName + "' is not a valid role session "
                    + "name: use 2 to 64 letters, digits and + = , . @ - _ (POM <roleSessionName> or "
                    + "-Decr.roleSessionName)");
        }
        externalId = externalId == null || externalId.isBlank() ? null : externalId.trim();
    }

    /** Reads the three optional parameters; null when no role is asked for. */
    public static RoleToAssume of(String roleArn, String sessionName, String externalId) {
        return roleArn == null || roleArn.isBlank() ? null : new RoleToAssume(roleArn.trim(), sessionName, externalId);
    }
}
