package dev.ecrplugin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The local stack that stands in for AWS in tests (started by {@code stack/ecr-stack up}; tests run through
 * {@code stack/ecr-stack run ./mvnw verify}). A test that needs it and does not find it fails, never skips: CI
 * starts the stack.
 */
public final class LocalStack {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    /** ECR's registry host of the account in {@link #REGION}: moto's token proxyEndpoint, the stack's default. */
    public static final String ECR_HOST = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com";

    private LocalStack() {}

    /** moto's URL, e.g. http://127.0.0.1:34971. */
    public static String endpoint() {
        return required("ECR_STACK_ENDPOINT");
    }

    /**
     * The registry docker uses with no {@code <registry>}: moto's token proxyEndpoint for us-east-1,
     * {@value #ECR_HOST}, over TLS verified with the stack's CA (the stack's dockerd resolves the ECR names to the
     * registry in the stack's network namespace). Fails on a stack that serves another host (an older stack/ecr-stack).
     */
    public static String registry() {
        String registry = required("ECR_STACK_REGISTRY");
        if (!registry.equals(ECR_HOST)) {
            throw new IllegalStateException("ECR_STACK_REGISTRY is " + registry + ", not ECR's own host " + ECR_HOST
                    + ": restart the stack with this checkout's stack/ecr-stack (down, then up)");
        }
        return registry;
    }

    /** The registry for host-side HTTPS reads, by address (the host cannot resolve the ECR names): https://ADDRESS. */
    public static String registryUrl() {
        return required("ECR_STACK_REGISTRY_URL");
    }

    /** The registry's address in the stack's network namespace (what podman, in the host's namespace, reaches). */
    public static String registryAddress() {
        return required("ECR_STACK_REGISTRY_ADDRESS");
    }

    /** The stack's CA (PEM), which the registry's certificate is signed by. */
    public static Path ca() {
        return Path.of(required("ECR_STACK_CA"));
    }

    /** A DNS alias of the registry, on its certificate and trusted by the stack's dockerd: registry.ecr-alias.test. */
    public static String alias() {
        return required("ECR_STACK_ALIAS");
    }

    /** A name on the registry's certificate that the stack's dockerd is NOT given the CA for: it must refuse it. */
    public static String untrusted() {
        return required("ECR_STACK_UNTRUSTED");
    }

    /** The registry's manifest events, one line each: {@code <push|pull> <host> <repository> <tag-or-digest> <digest>}. */
    public static Path events() {
        return Path.of(required("ECR_STACK_EVENTS"));
    }

    /** The lines of {@link #events()} that name {@code repository}. */
    public static List<String> events(String repository) {
        try {
            return Files.readAllLines(events()).stream()
                    .filter(line -> line.split(" ").length == 5 && line.split(" ")[2].equals(repository)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + events(), e);
        }
    }

    /** TLS that trusts the stack's CA only (for host-side reads of the registry). */
    public static SSLContext tls() {
        try (InputStream in = Files.newInputStream(ca())) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ecr-stack-ca-" + i++, certificate);
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the stack's CA " + ca(), e);
        }
    }

    /** The stack's state directory ({@code $ECR_STACK_DIR}: its logs, pids and stack.env). */
    public static String stackDir() {
        return required("ECR_STACK_DIR");
    }

    /** The private Docker Engine, e.g. unix:///.../docker.sock. */
    public static String dockerHost() {
        return required("DOCKER_HOST");
    }

    /**
     * An ECR client in {@link #REGION} that signs as the stack's IAM admin user (AWS_ACCESS_KEY_ID and
     * AWS_SECRET_ACCESS_KEY of the stack's environment: a real moto user allowed everything, also while IAM
     * enforcement is on).
     */
    public static EcrClient ecr() {
        return ecr(REGION);
    }

    /** An ECR client in {@code region}, signing as the stack's IAM admin user. */
    public static EcrClient ecr(String region) {
        return configure(EcrClient.builder(), adminKeyId(), adminSecretKey()).region(Region.of(region)).build();
    }

    /** An IAM client that signs as the stack's IAM admin user. */
    public static IamClient iam() {
        return configure(IamClient.builder(), adminKeyId(), adminSecretKey()).build();
    }

    /** The access key id of the stack's IAM admin user (ecr-stack-admin), as the stack exports it. */
    public static String adminKeyId() {
        return required("AWS_ACCESS_KEY_ID");
    }

    /** The secret key of the stack's IAM admin user: for signing only, never to be logged. */
    public static String adminSecretKey() {
        return required("AWS_SECRET_ACCESS_KEY");
    }

    /** An STS client that signs with these keys (checked by moto only while IAM enforcement is on). */
    public static StsClient sts(String accessKeyId, String secretAccessKey) {
        return configure(StsClient.builder(), accessKeyId, secretAccessKey).build();
    }

    /** The ARN of the customer managed policy {@code name} in moto's account. */
    public static String policyArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
    }

    /** Deletes the customer-managed policy {@code name} and its versions, if it exists (a clean start for a test). */
    public static void deletePolicy(String name) {
        String arn = policyArn(name);
        try (IamClient iam = iam()) {
            iam.listPolicyVersions(r -> r.policyArn(arn)).versions().stream()
                    .filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
                    .forEach(v -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(v.versionId())));
            iam.deletePolicy(r -> r.policyArn(arn));
        } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException none) {
            // nothing to delete
        }
    }

    /**
     * What every IT's prebuild.groovy does first: switches moto's IAM enforcement off. It is server-wide, and an IT
     * that switches it on and then fails its build leaves it on (the invoker skips that IT's verify.groovy, which
     * would switch it off), which would fail every IT after it.
     */
    public static void beforeIt() {
        enforceIam(false);
    }

    /**
     * Switches moto's IAM enforcement on ({@code true}) or off. With it on, only keys made by IAM CreateAccessKey
     * are accepted, and the caller's identity policies are enforced.
     */
    public static void enforceIam(boolean on) {
        post("/moto-api/reset-auth", on ? "0" : "inf");
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            String accessKeyId, String secretAccessKey) {
        builder.endpointOverride(URI.create(endpoint())).region(Region.of(REGION)).credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        return builder;
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
                    + "them through it: stack/ecr-stack up && stack/ecr-stack run ./mvnw verify (a test class or "
                    + "method that needs the stack is annotated @NeedsStack, so that ./mvnw test runs without it)");
        }
        return value;
    }
}
