package dev.ecrplugin.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The local stack that stands in for AWS in tests (started by {@code stack/ecr-stack up}; tests run through
 * {@code stack/ecr-stack run ./mvnw verify}). A test that needs it and does not find it fails, never skips: CI
 * starts the stack.
 */
public final class LocalStack {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";

    private LocalStack() {}

    /** moto's URL, e.g. http://127.0.0.1:34971. */
    public static String endpoint() {
        return required("ECR_STACK_ENDPOINT");
    }

    /** The registry's host:port, e.g. 127.0.0.1:53283. */
    public static String registry() {
        return required("ECR_STACK_REGISTRY");
    }

    /** The private Docker Engine, e.g. unix:///.../docker.sock. */
    public static String dockerHost() {
        return required("DOCKER_HOST");
    }

    public static EcrClient ecr() {
        return EcrClient.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static IamClient iam() {
        return IamClient.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** Deletes the customer-managed policy {@code name} and its versions, if it exists (a clean start for a test). */
    public static void deletePolicy(String name) {
        String arn = "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
        try (IamClient iam = iam()) {
            iam.listPolicyVersions(r -> r.policyArn(arn)).versions().stream()
                    .filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
                    .forEach(v -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(v.versionId())));
            iam.deletePolicy(r -> r.policyArn(arn));
        } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException none) {
            // nothing to delete
        }
    }

    /** Deletes the repository {@code name} with its images, if it exists (a clean start for a test). */
    public static void deleteRepository(String name) {
        try (EcrClient ecr = ecr()) {
            ecr.deleteRepository(r -> r.repositoryName(name).force(true));
        } catch (software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException none) {
            // nothing to delete
        }
    }

    /**
     * Switches moto's IAM enforcement on ({@code true}) or off. With it on, only keys made by IAM CreateAccessKey
     * are accepted, and the caller's identity policies are enforced.
     */
    public static void enforceIam(boolean on) {
        post("/moto-api/reset-auth", on ? "0" : "inf");
    }

    private static void post(String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(endpoint() + path)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto answered " + response.statusCode() + " to " + path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto at " + endpoint() + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: these tests need the local stack. Start it and run "
                    + "them through it: stack/ecr-stack up && stack/ecr-stack run ./mvnw verify");
        }
        return value;
    }
}
