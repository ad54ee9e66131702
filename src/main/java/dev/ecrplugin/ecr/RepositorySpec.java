package dev.ecrplugin.ecr;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Strings;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The repository a POM declares. Null fields are not managed: an existing repository keeps what it has.
 *
 * @param name               repository name
 * @param imageTagMutability MUTABLE or IMMUTABLE, or null
 * @param scanOnPush         scan on push, or null
 * @param encryptionType     AES256, KMS or KMS_DSSE, or null (AWS default: AES256)
 * @param kmsKey             KMS key id/ARN for KMS encryption, or null
 * @param tags               resource tags that must be present (others are left alone)
 */
public record RepositorySpec(String name, String imageTagMutability, Boolean scanOnPush, String encryptionType,
                             String kmsKey, Map<String, String> tags) {

    /** The ECR model's pattern for repository names (botocore, ECR 2015-09-21). */
    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");

    public RepositorySpec {
        checkName(name, "repositoryName");
        imageTagMutability = upper(imageTagMutability);
        if (imageTagMutability != null && !imageTagMutability.matches("MUTABLE|IMMUTABLE")) {
            throw new InvalidInputException("<imageTagMutability> '" + imageTagMutability
                    + "' must be MUTABLE or IMMUTABLE (POM <imageTagMutability> or -Decr.imageTagMutability)");
        }
        encryptionType = upper(encryptionType);
        if (encryptionType != null && !encryptionType.matches("AES256|KMS|KMS_DSSE")) {
            throw new InvalidInputException("<encryptionType> '" + encryptionType
                    + "' must be AES256, KMS or KMS_DSSE (POM <encryptionType> or -Decr.encryptionType)");
        }
        kmsKey = Strings.trimToNull(kmsKey);
        if (kmsKey != null && (encryptionType == null || encryptionType.equals("AES256"))) {
            throw new InvalidInputException("<kmsKey> is set but <encryptionType> is "
                    + (encryptionType == null ? "not set" : encryptionType) + ": set <encryptionType>KMS</encryptionType>"
                    + " to use a KMS key, or remove <kmsKey>");
        }
        if (tags != null) {
            // an empty element (<resourceTags><team/></resourceTags>) reaches here as a null value: Map.copyOf
            // would throw a NullPointerException before the check below could name the tag
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (tag.getKey() == null || tag.getValue() == null) {
                    throw new InvalidInputException("<resourceTags> tag '" + tag.getKey() + "' has no value: write "
                            + "<" + tag.getKey() + ">value</" + tag.getKey() + ">, or remove it");
                }
            }
        }
        tags = tags == null ? Map.of() : Map.copyOf(new TreeMap<>(tags));
        if (tags.size() > 50) {
            throw new InvalidInputException("<resourceTags> has " + tags.size() + " tags; ECR allows at most 50");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().isEmpty() || tag.getKey().length() > 128) {
                throw new InvalidInputException("<resourceTags> key '" + tag.getKey()
                        + "' must be 1 to 128 characters long");
            }
            if (tag.getValue() == null || tag.getValue().length() > 256) {
                throw new InvalidInputException("<resourceTags> value of '" + tag.getKey()
                        + "' must be given and at most 256 characters long");
            }
        }
    }

    /** A spec that only names the repository. */
    public static RepositorySpec named(String name) {
        return new RepositorySpec(name, null, null, null, null, Map.of());
    }

    /** The ARN of repository {@code name} (or {@code *}) of registry {@code registryId} in {@code region}. */
    public static String arn(String partition, String region, String registryId, String name) {
        return "arn:" + partition + ":ecr:" + region + ":" + registryId + ":repository/" + name;
    }

    /**
     * Checks a repository name against ECR's rules; {@code parameter} is the POM element to name in the error.
     */
    public static void checkName(String name, String parameter) {
        if (Strings.trimToNull(name) == null) {
            throw new InvalidInputException("<" + parameter + "> is required: name the ECR repository (POM <"
                    + parameter + "> or -Decr.repositoryName)");
        }
        if (name.length() < 2 || name.length() > 256 || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("<" + parameter + "> '" + name + "' is not a valid ECR repository name: "
                    + "use 2 to 256 lowercase letters, digits and . _ - /, starting and ending with a letter or digit");
        }
    }

    private static String upper(String s) {
        String trimmed = Strings.trimToNull(s);
        return trimmed == null ? null : trimmed.toUpperCase(Locale.ROOT);
    }
}
