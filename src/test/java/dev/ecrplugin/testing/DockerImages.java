package dev.ecrplugin.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/** For ITs (prebuild/verify scripts): the stack's docker, its registry and moto's ECR view of it. */
public final class DockerImages {

    /** moto's ECR token decodes to AWS:PASSWORD with this password; the registry's htpasswd accepts it. */
    public static final String PASSWORD = LocalStack.ACCOUNT + "-auth-token";
    private static final String MANIFEST_TYPES = "application/vnd.docker.distribution.manifest.v2+json, "
            + "application/vnd.oci.image.manifest.v1+json";

    /** How long one docker/podman/tar command of a test may take before it is killed. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private DockerImages() {}

    /** Runs the docker CLI of the stack (DOCKER_HOST inherited); its output; fails on a non-zero exit. */
    public static String docker(String... args) {
        return run(null, args);
    }

    /** Runs docker with {@code stdin} on its standard input. */
    public static String run(String stdin, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("docker");
        argv.addAll(List.of(args));
        return command(stdin, argv);
    }

    /**
     * Runs {@code argv} (docker, podman, tar...) with {@code stdin} (or none); its output (stdout and stderr); fails on
     * a non-zero exit, and kills it and fails when it has not ended after {@link #COMMAND_TIMEOUT} (a hang becomes a
     * failed IT, not a stuck build).
     */
    public static String command(String stdin, List<String> argv) {
        Path out = null;
        try {
            out = Files.createTempFile("command-", ".out");
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                if (stdin != null) {
                    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                p.getOutputStream().close();
                if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException(String.join(" ", argv) + " did not end within "
                            + COMMAND_TIMEOUT.toSeconds() + " s: " + Files.readString(out));
                }
            } finally {
                p.destroyForcibly();
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    /** Makes a tiny local image NAME:TAG (one file, unique content) with tar + docker import. */
    public static void importImage(File workDir, String name) throws IOException, InterruptedException {
        Path dir = workDir.toPath().resolve("image-content");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hello.txt"), name + " " + System.nanoTime() + "\n");
        Path tar = workDir.toPath().resolve("image.tar");
        command(null, List.of("tar", "-C", dir.toString(), "-cf", tar.toString(), "."));
        docker("import", tar.toString(), name);
    }

    /** docker rmi -f, ignoring images that are not there. */
    public static void removeImages(String... refs) {
        for (String ref : refs) {
            try {
                docker("rmi", "-f", ref);
            } catch (IllegalStateException e) {
                // not there
            }
        }
    }

    /** Whether the local docker has the image. */
    public static boolean hasImage(String ref) {
        try {
            docker("image", "inspect", ref);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The registry's digest for repo:ref (GET /v2/REPO/manifests/REF with basic auth, over TLS verified with the
     * stack's CA), or null when absent.
     */
    public static String registryDigest(String repository, String ref) throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newBuilder().sslContext(LocalStack.tls()).build().send(
                HttpRequest.newBuilder(
                        URI.create(LocalStack.registryUrl() + "/v2/" + repository + "/manifests/" + ref))
                .timeout(Duration.ofSeconds(10)).header("Accept", MANIFEST_TYPES)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("AWS:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200 ? response.headers().firstValue("Docker-Content-Digest").orElse(null)
                : null;
    }

    /**
     * ECR's digest for repo:tag (DescribeImages). The registry tells moto about pushes asynchronously: this waits
     * up to 30 s for the tag to appear, and gives empty if it never does.
     */
    public static Optional<String> ecrDigest(String repository, String tag) throws InterruptedException {
        try (EcrClient ecr = LocalStack.ecr()) {
            for (int i = 0; i < 150; i++) {
                for (ImageDetail d : ecr.describeImages(r -> r.repositoryName(repository)).imageDetails()) {
                    if (d.imageTags().contains(tag)) {
                        return Optional.of(d.imageDigest());
                    }
                }
                Thread.sleep(200);
            }
        }
        return Optional.empty();
    }
}
