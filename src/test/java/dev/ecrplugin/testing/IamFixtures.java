package dev.ecrplugin.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * IAM set-up and inspection for tests and ITs (prebuild/verify scripts), on the local stack. Each method opens and
 * closes its own client, so that scripts stay one-liners.
 */
public final class IamFixtures {

    /** A policy document that allows only what the tutorial's policy allows. */
    public static final String LOGIN_ONLY = allowing("ecr:GetAuthorizationToken");

    private IamFixtures() {}

    /** A user made by {@link #userWithKey}: its ARN and its one access key. */
    public record UserWithKey(String name, String arn, String accessKeyId, String secretAccessKey) {}

    /** A policy document that allows these actions on every resource. */
    public static String allowing(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + Stream.of(actions).map(a -> "\"" + a + "\"").collect(Collectors.joining(","))
                + "],\"Resource\":\"*\"}]}";
    }

    /**
     * A fresh user (deleted first when it exists) with {@code document} as its one inline policy and one access
     * key: who a test signs as while moto's IAM enforcement is on.
     */
    public static UserWithKey userWithKey(String name, String document) {
        deleteUser(name);
        try (IamClient iam = LocalStack.iam()) {
            String arn = iam.createUser(r -> r.userName(name)).user().arn();
            iam.putUserPolicy(r -> r.userName(name).policyName("policy").policyDocument(document));
            AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
            return new UserWithKey(name, arn, key.accessKeyId(), key.secretAccessKey());
        }
    }

    /** The ARN of a customer managed policy of that name, created (allowing only login) when absent. */
    public static String ensurePolicy(String name) {
        try (IamClient iam = LocalStack.iam()) {
            try {
                return iam.createPolicy(r -> r.policyName(name).policyDocument(LOGIN_ONLY)).policy().arn();
            } catch (EntityAlreadyExistsException e) {
                return LocalStack.policyArn(name);
            }
        }
    }

    /** Deletes the user with its keys and attachments, when it exists: a fresh start for a test. */
    public static void deleteUser(String name) {
        try (IamClient iam = LocalStack.iam()) {
            try {
                iam.getUser(r -> r.userName(name));
            } catch (NoSuchEntityException e) {
                return;
            }
            iam.listAttachedUserPoliciesPaginator(r -> r.userName(name)).attachedPolicies().forEach(p ->
                    iam.detachUserPolicy(r -> r.userName(name).policyArn(p.policyArn())));
            iam.listAccessKeysPaginator(r -> r.userName(name)).accessKeyMetadata().forEach(k ->
                    iam.deleteAccessKey(r -> r.userName(name).accessKeyId(k.accessKeyId())));
            iam.listUserPoliciesPaginator(r -> r.userName(name)).policyNames().forEach(p ->
                    iam.deleteUserPolicy(r -> r.userName(name).policyName(p)));
            iam.deleteUser(r -> r.userName(name));
        }
    }

    /** A fresh user (deleted first when it exists) with these policies attached. */
    public static void createUser(String name, String... policyArns) {
        deleteUser(name);
        try (IamClient iam = LocalStack.iam()) {
            iam.createUser(r -> r.userName(name));
            for (String arn : policyArns) {
                iam.attachUserPolicy(r -> r.userName(name).policyArn(arn));
            }
        }
    }

    /** A new access key of the user: {id, secret}. */
    public static List<String> createAccessKey(String user) {
        try (IamClient iam = LocalStack.iam()) {
            AccessKey key = iam.createAccessKey(r -> r.userName(user)).accessKey();
            return List.of(key.accessKeyId(), key.secretAccessKey());
        }
    }

    public static boolean userExists(String name) {
        try (IamClient iam = LocalStack.iam()) {
            iam.getUser(r -> r.userName(name));
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }

    /** The names of the policies attached to the user, sorted. */
    public static List<String> attachedPolicyNames(String user) {
        return sorted(iam -> iam.listAttachedUserPoliciesPaginator(r -> r.userName(user)).attachedPolicies()
                .stream().map(p -> p.policyName()));
    }

    /** The ids of the user's access keys, sorted. */
    public static List<String> accessKeyIds(String user) {
        return sorted(iam -> iam.listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata().stream()
                .map(k -> k.accessKeyId()));
    }

    /** The customer managed policy as GetPolicy gives it, or null when there is none of that name. */
    public static Policy policy(String name) {
        try (IamClient iam = LocalStack.iam()) {
            return iam.getPolicy(r -> r.policyArn(LocalStack.policyArn(name))).policy();
        } catch (NoSuchEntityException e) {
            return null;
        }
    }

    public static boolean policyExists(String name) {
        return policy(name) != null;
    }

    /** The policy's default version id, as GetPolicy gives it (e.g. v2). */
    public static String defaultVersion(String name) {
        return policy(name).defaultVersionId();
    }

    /** The policy's versions (ListPolicyVersions), in version order: version id to whether it is the default. */
    public static Map<String, Boolean> policyVersions(String name) {
        try (IamClient iam = LocalStack.iam()) {
            Map<String, Boolean> versions = new TreeMap<>(
                    Comparator.comparingInt((String v) -> Integer.parseInt(v.substring(1))));
            iam.listPolicyVersions(r -> r.policyArn(LocalStack.policyArn(name))).versions()
                    .forEach(v -> versions.put(v.versionId(), v.isDefaultVersion()));
            return versions;
        }
    }

    /** The document of one version of the policy, URL-decoded. */
    public static String policyDocument(String name, String versionId) {
        try (IamClient iam = LocalStack.iam()) {
            return URLDecoder.decode(iam.getPolicyVersion(r -> r.policyArn(LocalStack.policyArn(name))
                    .versionId(versionId)).policyVersion().document(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The ARN STS GetCallerIdentity answers for these credentials, with moto's IAM enforcement on for the call, so
     * that a wrong secret fails the signature check. Enforcement is switched off again whatever happens.
     */
    public static String callerArn(String accessKeyId, String secretAccessKey) {
        LocalStack.enforceIam(true);
        try (StsClient sts = LocalStack.sts(accessKeyId, secretAccessKey)) {
            return sts.getCallerIdentity().arn();
        } finally {
            LocalStack.enforceIam(false);
        }
    }

    private static List<String> sorted(Function<IamClient, Stream<String>> list) {
        try (IamClient iam = LocalStack.iam()) {
            return List.copyOf(list.apply(iam).collect(Collectors.toCollection(TreeSet::new)));
        }
    }
}
