package dev.ecrplugin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The stack tells the truth across a restart: moto keeps its state in memory, so after {@code down} and {@code up}
 * the registry must not serve what moto has forgotten. Runs a second stack of its own (its own state dir, namespace,
 * ports and dockerd; the stack the other tests use is not touched): push, down, up, and the pull of that tag fails.
 */
@NeedsStack
class StackRestartTest {

    private static final Pattern EXPORT = Pattern.compile("^export ([A-Z_]+)='([^']*)'");

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void afterDownAndUpTheRegistryHoldsNoImageMotoDoesNotKnow() throws IOException, InterruptedException {
        Path state = dir.resolve("stack");
        try {
            stack(null, "up");
            Map<String, String> env = env(state);
            String image = env.get("ECR_STACK_REGISTRY") + "/restart-check:1";
            try (EcrClient ecr = ecr(env)) {
                ecr.createRepository(r -> r.repositoryName("restart-check"));
            }
            Path content = Files.createDirectories(dir.resolve("content"));
            Files.writeString(content.resolve("hello.txt"), "restart-check " + System.nanoTime() + "\n");
            Path tar = dir.resolve("image.tar");
            DockerImages.command(null, List.of("tar", "-C", content.toString(), "-cf", tar.toString(), "."));
            stack(null, "run", "docker", "import", tar.toString(), image);
            stack(DockerImages.PASSWORD, "run", "docker", "login", "--username", "AWS", "--password-stdin",
                    env.get("ECR_STACK_REGISTRY"));
            stack(null, "run", "docker", "push", image);
            try (EcrClient ecr = ecr(env)) {
                assertTrue(tagRecorded(ecr), "before the restart, moto's ECR holds the pushed tag (the listener)");
            }

            stack(null, "down");
            stack(null, "up");

            env = env(state);
            try (EcrClient ecr = ecr(env)) {
                assertThrows(RepositoryNotFoundException.class,
                        () -> ecr.describeRepositories(r -> r.repositoryNames("restart-check")), "moto starts empty");
            }
            stack(null, "run", "docker", "rmi", image);
            IllegalStateException pull = assertThrows(IllegalStateException.class,
                    () -> stack(null, "run", "docker", "pull", image), "the registry serves no image of before");
            assertTrue(pull.getMessage().contains("manifest unknown") || pull.getMessage().contains("not found"),
                    pull.getMessage());
            assertEquals("{\"repositories\":[]}", stack(null, "run", "curl", "-s", "--noproxy", "*", "--cacert",
                    env.get("ECR_STACK_CA"), "-u", "AWS:" + DockerImages.PASSWORD,
                    env.get("ECR_STACK_REGISTRY_URL") + "/v2/_catalog").trim(), "the registry's storage is empty");
        } finally {
            stack(null, "down");
        }
    }

    /** Whether moto's ECR holds restart-check:1, waiting up to 30 s for the listener to record it. */
    private static boolean tagRecorded(EcrClient ecr) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            for (ImageDetail d : ecr.describeImages(r -> r.repositoryName("restart-check")).imageDetails()) {
                if (d.imageTags().contains("1")) {
                    return true;
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** stack/ecr-stack ARGS with this test's own state dir; its output; fails on a non-zero exit. */
    private String stack(String stdin, String... args) {
        List<String> argv = new ArrayList<>(List.of("env", "ECR_STACK_DIR=" + dir.resolve("stack"),
                "stack/ecr-stack"));
        argv.addAll(List.of(args));
        return DockerImages.command(stdin, argv);
    }

    /** The variables the stack's stack.env exports. */
    private static Map<String, String> env(Path state) throws IOException {
        Map<String, String> env = new TreeMap<>();
        for (String line : Files.readAllLines(state.resolve("stack.env"))) {
            Matcher m = EXPORT.matcher(line);
            if (m.find()) {
                env.put(m.group(1), m.group(2));
            }
        }
        return env;
    }

    /** An ECR client for that stack's moto, signing as its IAM admin user. */
    private static EcrClient ecr(Map<String, String> env) {
        return EcrClient.builder().endpointOverride(URI.create(env.get("ECR_STACK_ENDPOINT")))
                .region(Region.of(env.get("AWS_REGION"))).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
                .build();
    }
}
