package dev.ecrplugin.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * ECR set-up and inspection for tests and ITs (prebuild/verify scripts), on the local stack. Each method opens and
 * closes its own client, so that scripts stay one-liners; only "absent" is read as absent: any other failure (a
 * stack that is down, enforcement left on) fails the caller.
 */
public final class EcrFixtures {

    private EcrFixtures() {}

    /** Deletes the repositories (with their images) that exist. */
    public static void deleteRepositories(String... names) {
        try (EcrClient ecr = LocalStack.ecr()) {
            for (String name : names) {
                try {
                    ecr.deleteRepository(r -> r.repositoryName(name).force(true));
                } catch (RepositoryNotFoundException e) {
                    // absent already
                }
            }
        }
    }

    /**
     * A fresh repository (deleted first when it exists) with ECR's defaults: MUTABLE, no scan on push, AES256, and
     * the given tags as alternating keys and values.
     */
    public static void createRepository(String name, String... tags) {
        deleteRepositories(name);
        try (EcrClient ecr = LocalStack.ecr()) {
            List<Tag> list = new ArrayList<>();
            for (int i = 0; i + 1 < tags.length; i += 2) {
                list.add(Tag.builder().key(tags[i]).value(tags[i + 1]).build());
            }
            ecr.createRepository(r -> r.repositoryName(name).tags(list));
        }
    }

    /** The repository as DescribeRepositories gives it, or null when moto has no repository of that name. */
    public static Repository repository(String name) {
        try (EcrClient ecr = LocalStack.ecr()) {
            return ecr.describeRepositories(r -> r.repositoryNames(name)).repositories().stream()
                    .filter(repo -> repo.repositoryName().equals(name)).findFirst().orElse(null);
        } catch (RepositoryNotFoundException e) {
            return null;
        }
    }

    public static boolean repositoryExists(String name) {
        return repository(name) != null;
    }

    /** The repository's tags (ListTagsForResource), sorted by key. */
    public static Map<String, String> tags(String name) {
        try (EcrClient ecr = LocalStack.ecr()) {
            Map<String, String> tags = new TreeMap<>();
            ecr.listTagsForResource(r -> r.resourceArn(repositoryArn(name))).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        }
    }

    /** The repository policy's text, or null when the (existing) repository has none. */
    public static String repositoryPolicy(String name) {
        try (EcrClient ecr = LocalStack.ecr()) {
            return ecr.getRepositoryPolicy(r -> r.repositoryName(name)).policyText();
        } catch (RepositoryPolicyNotFoundException e) {
            return null;
        }
    }

    /** Whether the existing repository has a policy (a missing repository fails: it is not "no policy"). */
    public static boolean hasRepositoryPolicy(String name) {
        return repositoryPolicy(name) != null;
    }

    public static String repositoryArn(String name) {
        return "arn:aws:ecr:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT + ":repository/" + name;
    }
    /**
     * The control of the ITs that enforce IAM: CreateRepository signed with these keys must be refused with 403 (the
     * identity the build would have used, had the role not been assumed, may not create repositories).
     */
    public static void assertCreateRepositoryDenied(String accessKeyId, String secretKey, String repositoryName) {
        try (EcrClient ecr = EcrClient.builder().endpointOverride(URI.create(LocalStack.endpoint()))
                .region(Region.of(LocalStack.REGION))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretKey)))
                .build()) {
            ecr.createRepository(r -> r.repositoryName(repositoryName));
        } catch (AwsServiceException e) {
            if (e.statusCode() != 403) {
                throw new AssertionError("CreateRepository " + repositoryName + " failed otherwise than with 403: " + e);
            }
            return;
        }
        throw new AssertionError("these keys created repository " + repositoryName + ": moto does not enforce IAM");
    }
}
