package dev.ecrplugin.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * For the host-form ITs (prebuild/verify scripts) on the TLS stack: moto's ECR in any region, the registry's event
 * log ({@code $ECR_STACK_EVENTS}: {@code <action> <host> <repository> <tag-or-digest> <digest>}, one line per manifest
 * push and pull, written by the stack's registry listener), and images pushed with the docker CLI.
 */
public final class HostForms {

    private static final String MARK = "events.mark";

    private HostForms() {}

    /** An ECR client for moto in {@code region}, signing as the stack's IAM admin user. */
    public static EcrClient ecr(String region) {
        return LocalStack.ecr(region);
    }

    /** Deletes the repositories (with their images) that exist in {@code region}. */
    public static void deleteRepositories(String region, String... names) {
        try (EcrClient ecr = ecr(region)) {
            for (String name : names) {
                try {
                    ecr.deleteRepository(r -> r.repositoryName(name).force(true));
                } catch (RepositoryNotFoundException e) {
                    // absent already
                }
            }
        }
    }

    /** ECR's digest for repo:tag in {@code region}, waiting up to 30 s for the registry's notification. */
    public static Optional<String> ecrDigest(String region, String repository, String tag)
            throws InterruptedException {
        try (EcrClient ecr = ecr(region)) {
            for (int i = 0; i < 150; i++) {
                try {
                    for (ImageDetail d : ecr.describeImages(r -> r.repositoryName(repository)).imageDetails()) {
                        if (d.imageTags().contains(tag)) {
                            return Optional.of(d.imageDigest());
                        }
                    }
                } catch (RepositoryNotFoundException e) {
                    // not yet
                }
                Thread.sleep(200);
            }
        }
        return Optional.empty();
    }

    private static Path events() {
        String file = System.getenv("ECR_STACK_EVENTS");
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("ECR_STACK_EVENTS is not set: these ITs need the TLS stack (stack/ecr-stack"
                    + " up, then stack/ecr-stack run ./mvnw verify)");
        }
        return Path.of(file);
    }

    private static List<String> eventLines() throws IOException {
        Path events = events();
        return Files.exists(events) ? Files.readAllLines(events, StandardCharsets.UTF_8) : List.of();
    }

    /** Remembers (in basedir) how many events the log holds now: {@link #events} reads only the later ones. */
    public static void markEvents(File basedir) throws IOException {
        Files.writeString(basedir.toPath().resolve(MARK), String.valueOf(eventLines().size()));
    }

    /**
     * The registry's events since {@link #markEvents} about {@code repository}, as {@code action host ref digest}
     * (the repository left out), waiting up to 10 s for {@code expected} of them (the listener writes them as the
     * registry's notifications arrive).
     */
    public static List<String> events(File basedir, String repository, int expected)
            throws IOException, InterruptedException {
        int mark = Integer.parseInt(Files.readString(basedir.toPath().resolve(MARK)).trim());
        List<String> found = List.of();
        for (int i = 0; i < 50; i++) {
            List<String> lines = eventLines();
            found = lines.subList(Math.min(mark, lines.size()), lines.size()).stream().map(l -> l.trim().split(" +"))
                    .filter(f -> f.length == 5 && f[2].equals(repository))
                    .map(f -> f[0] + " " + f[1] + " " + f[3] + " " + f[4]).toList();
            if (found.size() >= expected) {
                return found;
            }
            Thread.sleep(200);
        }
        return found;
    }

    /**
     * Puts an image in the registry at {@code host/repository:tag} with the docker CLI (login with moto's token
     * password, tag, push), then removes it from the local docker and logs docker out of {@code host} again, so that
     * the goal under test must log in and pull itself. Gives the pushed digest, as docker printed it.
     */
    public static String pushWithDockerCli(File basedir, String host, String repository, String tag)
            throws IOException, InterruptedException {
        String source = "it-hosts-cli-src:" + tag;
        String remote = host + "/" + repository + ":" + tag;
        DockerImages.removeImages(source, remote);
        DockerImages.importImage(basedir, source);
        DockerImages.run(DockerImages.PASSWORD, "login", "--username", "AWS", "--password-stdin", host);
        DockerImages.docker("tag", source, remote);
        String out = DockerImages.docker("push", remote);
        DockerImages.removeImages(source, remote);
        DockerImages.docker("logout", host);
        Matcher m = Pattern.compile("digest: (sha256:[0-9a-f]{64})").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("docker push " + remote + " printed no digest: " + out);
        }
        // the registry notifies the listener asynchronously: wait for the push's event, so that a later
        // markEvents() comes after it
        String event = "push " + host + " " + repository + " " + tag + " " + m.group(1);
        for (int i = 0; !eventLines().contains(event); i++) {
            if (i == 100) {
                throw new IllegalStateException("the registry's events log never showed '" + event + "'");
            }
            Thread.sleep(200);
        }
        return m.group(1);
    }

    /**
     * Waits up to 20 s for the stack's registry listener to log a line that starts with {@code prefix} (its log,
     * {@code $ECR_STACK_DIR/listener.log}, says "recorded ..." or "not recorded ...: why" for every push); the line.
     */
    public static String listenerLine(String prefix) throws IOException, InterruptedException {
        Path log = Path.of(LocalStack.stackDir(), "listener.log");
        for (int i = 0; i < 100; i++) {
            Optional<String> line = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(prefix)).reduce((first, last) -> last);
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the registry listener never logged a line starting '" + prefix + "' in "
                + log);
    }

    /** The docker logins DOCKER_CONFIG holds (config.json's text), or empty. */
    public static String dockerConfig() throws IOException {
        Path config = Path.of(System.getenv("DOCKER_CONFIG"), "config.json");
        return Files.exists(config) ? Files.readString(config) : "";
    }
    /**
     * The prebuild of a URI-form IT ({@code hosts-fips}, {@code -dualstack}, {@code -china}, {@code -eusc}): repository
     * {@code it-hosts/NAME} made anew in {@code region}; {@code it-hosts/NAME-pull:2.0} pushed to {@code host} with the
     * docker CLI (its digest put into pom.xml for PULL_DIGEST, docker logged out again: the goals must log in
     * themselves); the image to push imported under its full URI {@code host/it-hosts/NAME:1.0}; the events marked.
     */
    public static void prepareUriForm(File basedir, String host, String region, String name)
            throws IOException, InterruptedException {
        LocalStack.beforeIt();
        deleteRepositories(region, "it-hosts/" + name);
        DockerImages.removeImages(host + "/it-hosts/" + name + ":1.0", "it-hosts-local:" + name);
        String pullDigest = pushWithDockerCli(basedir, host, "it-hosts/" + name + "-pull", "2.0");
        Files.writeString(basedir.toPath().resolve("pull-digest.txt"), pullDigest);
        Path pom = basedir.toPath().resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("PULL_DIGEST", pullDigest));
        check(!dockerConfig().contains(host), "docker is still logged in to " + host);
        DockerImages.importImage(basedir, host + "/it-hosts/" + name + ":1.0");
        markEvents(basedir);
    }

    /**
     * The verify of a URI-form IT: one login, to the URI's host ({@code loginLine}, reused by push and pull); the
     * repository created in the host's region ({@code arn}); docker's own output and the registry's events name the
     * host for the push and for the pull by full URI and digest; the listener recorded the push in ECR in
     * {@code region}.
     */
    public static void verifyUriForm(File basedir, String host, String region, String name, String loginLine,
            String arn) throws IOException, InterruptedException {
        ItLog log = ItLog.of(basedir);
        String repository = "it-hosts/" + name;
        String pushed = host + "/" + repository;
        String pulled = pushed + "-pull";
        String pullDigest = Files.readString(basedir.toPath().resolve("pull-digest.txt")).trim();
        check(!log.contains("[ERROR]"), "the build logged an [ERROR]");
        check(log.mentioning("Logged in to").equals(List.of(loginLine)), "logins: " + log.mentioning("Logged in to"));
        check(dockerConfig().contains(host), "docker's config holds no login to " + host);
        check(log.contains("[INFO] Created repository " + repository + " [" + arn + "]"), "no 'Created repository' "
                + repository + " [" + arn + "]");
        String digest = log.digestFile(repository);
        check(digest.matches("sha256:[0-9a-f]{64}"), "digest file: " + digest);
        check(log.contains("[INFO] The push refers to repository [" + pushed + "]"), "docker pushed elsewhere");
        check(log.infos("Pushed ").equals(List.of("[INFO] Pushed " + pushed + ":1.0 (" + digest + ")")),
                "pushes: " + log.infos("Pushed "));
        List<String> pushes = events(basedir, repository, 1);
        check(pushes.equals(List.of("push " + host + " 1.0 " + digest)), "registry events: " + pushes);
        check(ecrDigest(region, repository, "1.0").orElse("").equals(digest), "ECR in " + region + " does not hold "
                + digest);
        check(log.contains("[INFO] Pulled " + pulled + "@" + pullDigest + " as it-hosts-local:" + name), "no Pulled");
        check(log.contains("[INFO] Status: Downloaded newer image for " + pulled + "@" + pullDigest),
                "docker pulled elsewhere");
        List<String> pulls = events(basedir, repository + "-pull", 1);
        check(!pulls.isEmpty() && pulls.stream().allMatch(("pull " + host + " " + pullDigest + " " + pullDigest)::equals),
                "registry pull events: " + pulls);
        check(DockerImages.docker("image", "inspect", "--format", "{{json .RepoDigests}}", "it-hosts-local:" + name)
                .contains(pulled + "@" + pullDigest), "it-hosts-local:" + name + " is not the pulled image");
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
