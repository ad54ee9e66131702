package dev.ecrplugin.permissions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * THE list of what each goal calls and the IAM actions each call needs: the one place {@code required-permissions}
 * reads, and the one place {@code GoalActionsRecordingTest} checks the services against (every SDK operation a
 * goal's services send must be declared here for that goal, and every declared one must be sent in some scenario).
 * A new AWS call in a service without a line here fails that test.
 *
 * <p>Adding a goal or a call is one line per call in {@link #TABLE}: {@code sdk(...)} for an AWS SDK operation the
 * goal's services send, {@code docker(...)} for what docker asks of ECR when it pushes or pulls (not an SDK call
 * of the plugin: checked by the list only), {@code implied(...)} for an action AWS checks for another call (ECR's
 * CreateRepository with tags needs ecr:TagResource), {@code credentials(...)} for the credential routes' calls.
 * {@code .when(...)} limits a call to the configurations that make it.
 */
public final class GoalActions {

    /** Who makes a call, and so how it is checked. */
    public enum Kind {
        /** An AWS SDK operation the goal's services send: checked by the recording test. */
        SDK,
        /** What docker (or podman) asks of ECR's registry API on push or pull: checked by the list only. */
        DOCKER,
        /** An action AWS authorizes as part of another call (tags on CreateRepository, KMS grants). */
        IMPLIED,
        /** A call of the credential routes (STS AssumeRole for {@code <roleArn>}). */
        CREDENTIALS
    }

    /** The resources a statement is narrowed to, named by the goal's configuration. */
    public enum Resource {
        /** No resource-level permissions ({@code ecr:GetAuthorizationToken}): {@code *}. */
        ANY,
        /** The ECR repository the goal names ({@code <repositoryName>}, else {@code <image>}'s). */
        REPOSITORY,
        /** The IAM policy create-policy manages ({@code <policyName>}). */
        POLICY,
        /** The IAM policies create-user attaches ({@code <policyNames>}, {@code <policyArns>}). */
        ATTACHED_POLICIES,
        /** The IAM user create-user manages ({@code <userName>}). */
        USER,
        /** The role of {@code <roleArn>}. */
        ROLE,
        /** The KMS key of {@code <kmsKey>} (any key when none is named: ECR's AWS managed key). */
        KMS_KEY
    }

    /**
     * One call a goal may make.
     *
     * @param kind      who makes it
     * @param operation the AWS SDK operation (e.g. {@code CreateRepository}), or for {@link Kind#DOCKER} the
     *                  registry step docker takes
     * @param actions   the IAM actions it needs; none for a call that needs no permission (STS GetCallerIdentity)
     * @param resource  what the actions are narrowed to
     * @param when      the configurations of the goal that make this call
     */
    public record Call(Kind kind, String operation, List<String> actions, Resource resource,
                       Predicate<GoalConfig> when) {

        Call when(Predicate<GoalConfig> condition) {
            return new Call(kind, operation, actions, resource, when.and(condition));
        }
    }

    // conditions on the configuration
    private static Predicate<GoalConfig> set(String parameter) {
        return c -> c.isSet(parameter);
    }

    private static Predicate<GoalConfig> isTrue(String parameter) {
        return c -> c.isTrue(parameter);
    }

    private static final Predicate<GoalConfig> ATTACHES = set("policyNames").or(set("policyArns"));
    private static final Predicate<GoalConfig> STORES_KEY = set("accessKeyProfile");
    private static final Predicate<GoalConfig> TAGS = set("resourceTags");
    private static final Predicate<GoalConfig> KMS = c -> c.value("encryptionType") != null
            && c.value("encryptionType").toUpperCase(java.util.Locale.ROOT).startsWith("KMS");

    private static final Predicate<GoalConfig> EXTRA_TAGS = c -> c.values("tags").stream()
            .flatMap(v -> java.util.Arrays.stream(v.split(","))).filter(t -> !t.isBlank()).count() > 1;
    private static final Predicate<GoalConfig> LIFECYCLE = set("lifecyclePolicyFile").or(set("lifecyclePolicyDocument"));

    /** Goal name to the calls it may make; in the order of the goals' documentation. Read-only. */
    static final Map<String, List<Call>> TABLE;

    static {
        Map<String, List<Call>> table = new LinkedHashMap<>();
        goal(table, "create-policy",
                sdk("iam", "GetPolicy", Resource.POLICY),
                sdk("iam", "CreatePolicy", Resource.POLICY),
                sdk("iam", "GetPolicyVersion", Resource.POLICY),
                sdk("iam", "ListPolicyVersions", Resource.POLICY),
                sdk("iam", "DeletePolicyVersion", Resource.POLICY),
                sdk("iam", "CreatePolicyVersion", Resource.POLICY),
                callerIdentity());
        goal(table, "create-user",
                sdk("iam", "GetUser", Resource.USER),
                sdk("iam", "ListAttachedUserPolicies", Resource.USER),
                sdk("iam", "GetPolicy", Resource.ATTACHED_POLICIES).when(ATTACHES),
                sdk("iam", "CreateUser", Resource.USER),
                sdk("iam", "AttachUserPolicy", Resource.USER).when(ATTACHES),
                sdk("iam", "ListAccessKeys", Resource.USER).when(STORES_KEY),
                sdk("iam", "GetAccessKeyLastUsed", Resource.USER).when(STORES_KEY),
                sdk("iam", "CreateAccessKey", Resource.USER).when(STORES_KEY),
                sdk("iam", "DeleteAccessKey", Resource.USER).when(STORES_KEY),
                callerIdentity().when(set("policyNames")));
        goal(table, "create-repository",
                sdk("ecr", "DescribeRepositories", Resource.REPOSITORY),
                sdk("ecr", "CreateRepository", Resource.REPOSITORY),
                implied("CreateRepository", Resource.REPOSITORY, "ecr:TagResource").when(TAGS),
                implied("CreateRepository", Resource.KMS_KEY, "kms:CreateGrant", "kms:DescribeKey",
                        "kms:RetireGrant").when(KMS),
                sdk("ecr", "PutImageTagMutability", Resource.REPOSITORY).when(set("imageTagMutability")),
                sdk("ecr", "PutImageScanningConfiguration", Resource.REPOSITORY).when(set("scanOnPush")),
                sdk("ecr", "ListTagsForResource", Resource.REPOSITORY).when(TAGS),
                sdk("ecr", "TagResource", Resource.REPOSITORY).when(TAGS),
                sdk("ecr", "GetLifecyclePolicy", Resource.REPOSITORY).when(LIFECYCLE),
                sdk("ecr", "PutLifecyclePolicy", Resource.REPOSITORY).when(LIFECYCLE));
        goal(table, "set-repository-policy",
                sdk("ecr", "GetRepositoryPolicy", Resource.REPOSITORY),
                sdk("ecr", "SetRepositoryPolicy", Resource.REPOSITORY),
                callerIdentity());
        goal(table, "login",
                sdk("ecr", "GetAuthorizationToken", Resource.ANY));
        goal(table, "push",
                sdk("ecr", "DescribeRepositories", Resource.REPOSITORY),
                sdk("ecr", "CreateRepository", Resource.REPOSITORY).when(isTrue("createRepository")),
                callerIdentity().when(isTrue("createRepository")),
                sdk("ecr", "GetAuthorizationToken", Resource.ANY),
                sdk("ecr", "BatchGetImage", Resource.REPOSITORY),
                sdk("ecr", "PutImage", Resource.REPOSITORY).when(EXTRA_TAGS), // each tag after the first
                docker("push", "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                        "ecr:CompleteLayerUpload", "ecr:PutImage"));
        goal(table, "pull",
                sdk("ecr", "GetAuthorizationToken", Resource.ANY),
                docker("pull", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"));
        goal(table, "tag",
                sdk("ecr", "BatchGetImage", Resource.REPOSITORY),
                sdk("ecr", "DescribeRepositories", Resource.REPOSITORY), // only when a tag is on another image
                sdk("ecr", "PutImage", Resource.REPOSITORY));
        goal(table, "scan",
                sdk("ecr", "DescribeImageScanFindings", Resource.REPOSITORY),
                sdk("ecr", "StartImageScan", Resource.REPOSITORY));
        TABLE = Collections.unmodifiableMap(table);
    }

    /** Every goal that calls AWS: with {@code <roleArn>}, the credentials first assume that role. */
    private static final Call ASSUME_ROLE = new Call(Kind.CREDENTIALS, "AssumeRole", List.of("sts:AssumeRole"),
            Resource.ROLE, set("roleArn"));

    private GoalActions() {}

    private static void goal(Map<String, List<Call>> table, String name, Call... calls) {
        table.put(name, List.of(calls));
    }

    /** An AWS SDK operation of {@code service} (ecr, iam, sts) that needs the IAM action of the same name. */
    private static Call sdk(String service, String operation, Resource resource) {
        return new Call(Kind.SDK, operation, List.of(service + ":" + operation), resource, c -> true);
    }

    /** STS GetCallerIdentity (the caller's account): sent, but it needs no permission (AWS allows it to all). */
    private static Call callerIdentity() {
        return new Call(Kind.SDK, "GetCallerIdentity", List.of(), Resource.ANY, c -> true);
    }

    private static Call docker(String step, String... actions) {
        return new Call(Kind.DOCKER, "docker " + step, List.of(actions), Resource.REPOSITORY, c -> true);
    }

    private static Call implied(String operation, Resource resource, String... actions) {
        return new Call(Kind.IMPLIED, operation, List.of(actions), resource, c -> true);
    }

    /** The goals the table knows, in its order. */
    public static Set<String> goals() {
        return TABLE.keySet();
    }

    /** Every call the goal may make with any configuration (for the recording test and the documentation). */
    public static List<Call> calls(String goal) {
        List<Call> calls = TABLE.get(goal);
        if (calls == null) {
            throw new IllegalArgumentException("no goal " + goal + " in GoalActions");
        }
        List<Call> all = new ArrayList<>(calls);
        all.add(ASSUME_ROLE);
        return all;
    }

    /** The calls the goal makes with this configuration (conditions applied). */
    public static List<Call> calls(GoalConfig config) {
        return calls(config.goal()).stream().filter(c -> c.when().test(config)).toList();
    }

    /** The SDK operations the goal's services may send, with any configuration (e.g. {@code CreateRepository}). */
    public static Set<String> sdkOperations(String goal) {
        Set<String> ops = new TreeSet<>();
        calls(goal).stream().filter(c -> c.kind() == Kind.SDK).forEach(c -> ops.add(c.operation()));
        return ops;
    }

    /** The IAM actions of the goal's calls of these kinds, with any configuration. */
    public static Set<String> actions(String goal, Kind... kinds) {
        Set<Kind> wanted = Set.copyOf(Arrays.asList(kinds));
        Set<String> actions = new TreeSet<>();
        calls(goal).stream().filter(c -> wanted.contains(c.kind())).forEach(c -> actions.addAll(c.actions()));
        return actions;
    }
}
