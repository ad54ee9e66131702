package dev.ecrplugin.testing;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * IAM set-up and inspection for tests and ITs (prebuild/verify scripts), on the local stack. Each method opens and
 * closes its own client, so that scripts stay one-liners.
 */
public final class IamFixtures {

    /** A policy document that allows only what the tutorial's policy allows. */
    public static final String LOGIN_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}]}";

    private IamFixtures() {}

    /** The ARN of a customer managed policy of that name, created (allowing only login) when absent. */
    public static String ensurePolicy(String name) {
        try (IamClient iam = LocalStack.iam()) {
            try {
                return iam.createPolicy(r -> r.policyName(name).policyDocument(LOGIN_ONLY)).policy().arn();
            } catch (EntityAlreadyExistsException e) {
                return "arn:aws:iam::" + LocalStack.ACCOUNT + ":policy/" + name;
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
        try (IamClient iam = LocalStack.iam()) {
            TreeSet<String> names = new TreeSet<>();
            iam.listAttachedUserPoliciesPaginator(r -> r.userName(user)).attachedPolicies()
                    .forEach(p -> names.add(p.policyName()));
            return List.copyOf(names);
        }
    }

    /** The ids of the user's access keys, sorted. */
    public static List<String> accessKeyIds(String user) {
        try (IamClient iam = LocalStack.iam()) {
            TreeSet<String> ids = new TreeSet<>();
            iam.listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata()
                    .forEach(k -> ids.add(k.accessKeyId()));
            return List.copyOf(ids);
        }
    }

    /**
     * The ARN STS GetCallerIdentity answers for these credentials, with moto's IAM enforcement on for the call, so
     * that a wrong secret fails the signature check. Enforcement is switched off again whatever happens.
     */
    public static String callerArn(String accessKeyId, String secretAccessKey) {
        LocalStack.enforceIam(true);
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(LocalStack.endpoint()))
                .region(Region.of(LocalStack.REGION)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey))).build()) {
            return sts.getCallerIdentity().arn();
        } finally {
            LocalStack.enforceIam(false);
        }
    }
}
