package dev.ecrplugin.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every IAM action of Amazon ECR (service prefix {@code ecr}): one per ECR API operation (AWS SDK for Java 2.57.8
 * ECR model) plus the permission-only actions, as listed in the AWS Service Authorization Reference, "Actions,
 * resources, and condition keys for Amazon Elastic Container Registry". IAM matches action names without regard to
 * case, and allows {@code *} and {@code ?} wildcards.
 */
public final class EcrActions {

    /** The known actions, without the {@code ecr:} prefix. */
    public static final List<String> ALL = List.of(
            "BatchCheckLayerAvailability", "BatchDeleteImage", "BatchGetImage",
            "BatchGetRepositoryScanningConfiguration", "BatchImportUpstreamImage", "CompleteLayerUpload",
            "CreatePullThroughCacheRule", "CreateRepository", "CreateRepositoryCreationTemplate",
            "DeleteLifecyclePolicy", "DeletePullThroughCacheRule", "DeleteRegistryPolicy", "DeleteRepository",
            "DeleteRepositoryCreationTemplate", "DeleteRepositoryPolicy", "DeleteSigningConfiguration",
            "DeregisterPullTimeUpdateExclusion", "DescribeImageReplicationStatus", "DescribeImageScanFindings",
            "DescribeImageSigningStatus", "DescribeImages", "DescribePullThroughCacheRules", "DescribeRegistry",
            "DescribeReplicationBackfillResults", "DescribeRepositories", "DescribeRepositoryCreationTemplates",
            "GetAccountSetting", "GetAuthorizationToken", "GetDownloadUrlForLayer", "GetLifecyclePolicy",
            "GetLifecyclePolicyPreview", "GetRegistryPolicy", "GetRegistryScanningConfiguration",
            "GetRepositoryPolicy", "GetSigningConfiguration", "InitiateLayerUpload", "ListImageReferrers",
            "ListImages", "ListPullTimeUpdateExclusions", "ListReplicationBackfills", "ListTagsForResource",
            "PutAccountSetting", "PutImage", "PutImageScanningConfiguration", "PutImageTagMutability",
            "PutLifecyclePolicy", "PutRegistryPolicy", "PutRegistryScanningConfiguration",
            "PutReplicationConfiguration", "PutSigningConfiguration", "RegisterPullTimeUpdateExclusion",
            "ReplicateImage", "SetRepositoryPolicy", "StartImageScan", "StartLifecyclePolicyPreview",
            "StartReplicationBackfill", "StopReplicationBackfill", "TagResource", "UntagResource",
            "UpdateImageStorageClass", "UpdatePullThroughCacheRule", "UpdateRepositoryCreationTemplate",
            "UploadLayerPart", "ValidatePullThroughCacheRule");

    private EcrActions() {}

    /** True when {@code name} (after {@code ecr:}; may hold {@code *} and {@code ?}) matches a known action. */
    public static boolean matchesKnown(String name) {
        Pattern pattern = wildcard(name);
        return ALL.stream().anyMatch(a -> pattern.matcher(a).matches());
    }

    /** The known action closest to {@code name} (by edit distance, ignoring case), if any is reasonably close. */
    public static Optional<String> closest(String name) {
        String wanted = name.replace("*", "").replace("?", "").toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String action : ALL) {
            int d = distance(wanted, action.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = action;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(3, wanted.length() / 2) ? Optional.of(best) : Optional.empty();
    }

    static Pattern wildcard(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
