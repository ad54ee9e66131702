package dev.ecrplugin.docker;

import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.JsonText;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.core.Sleeper;
import dev.ecrplugin.ecr.EcrImageRef;
import dev.ecrplugin.ecr.RegistryHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The docker command line client (or podman, nerdctl: same commands) as the plugin uses it. Every command's output
 * is streamed line by line as it comes; failures become messages that say what to fix. Secrets reach the client
 * only on standard input.
 */
public final class DockerCli {

    private static final Pattern DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})", Pattern.CASE_INSENSITIVE);

    /**
     * How to run the client.
     *
     * @param executable docker, podman, nerdctl, or a path to one
     * @param timeout    per command
     * @param retries    further attempts of login, push and pull after a transient failure
     * @param tlsVerify  null: the client's default (podman: off for a loopback registry, as docker does); false:
     *                   {@code --tls-verify=false} (podman), {@code --insecure-registry} (nerdctl), refused for any
     *                   other client; true: verify always
     */
    public record Options(String executable, Duration timeout, int retries, Boolean tlsVerify) {
        public Options {
            executable = executable == null || executable.isBlank() ? "docker" : executable.trim();
            timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
            if (timeout.isZero() || timeout.isNegative()) {
                throw new InvalidInputException("<timeout> must be a positive number of seconds (POM <timeout> or "
                        + "-Decr.timeout)");
            }
            if (retries < 0) {
                throw new InvalidInputException("<retries> must be 0 or more (POM <retries> or -Decr.retries)");
            }
            if (Boolean.FALSE.equals(tlsVerify) && !podmanLike(executable)) {
                String name = Path.of(executable).getFileName().toString();
                throw new InvalidInputException("<tlsVerify>false is for podman and nerdctl: "
                        + (isDocker(executable) ? "the docker client" : "'" + name + "' (<dockerExecutable>/"
                                + "-Decr.dockerExecutable) is neither, and the docker client")
                        + " has no such flag (list the registry in the daemon's insecure-registries instead), or "
                        + "remove <tlsVerify>/-Decr.tlsVerify");
            }
        }

        /** podman: prints no digest on push, but writes it to {@code --digestfile}. */
        boolean podman() {
            return Path.of(executable).getFileName().toString().toLowerCase(Locale.ROOT).startsWith("podman");
        }

        /** podman or nerdctl: the only clients with a per-command flag that turns TLS verification off. */
        boolean podmanLike() {
            return podmanLike(executable);
        }

        private static boolean podmanLike(String executable) {
            String name = Path.of(executable).getFileName().toString().toLowerCase(Locale.ROOT);
            return name.startsWith("podman") || name.startsWith("nerdctl");
        }

        private static boolean isDocker(String executable) {
            String name = Path.of(executable).getFileName().toString().toLowerCase(Locale.ROOT);
            return name.equals("docker") || name.equals("docker.exe");
        }
    }

    /** A local image as the client describes it. */
    public record LocalImage(String id, List<String> repoTags, List<String> repoDigests) {
        /** Digests this image is known by in {@code repository} (host/name), from earlier pushes and pulls. */
        public List<String> digestsIn(String repository) {
            List<String> digests = new ArrayList<>();
            for (String d : repoDigests) {
                if (d.startsWith(repository + "@")) {
                    digests.add(d.substring(repository.length() + 1));
                }
            }
            return digests;
        }
    }

    private final Options options;
    private final CommandRunner runner;
    private final Reporter reporter;
    private final Sleeper sleeper;
    private final ProgressTimer timer;

    public DockerCli(Options options, CommandRunner runner, Reporter reporter, Sleeper sleeper, ProgressTimer timer) {
        this.options = Objects.requireNonNull(options);
        this.runner = Objects.requireNonNull(runner);
        this.reporter = Objects.requireNonNull(reporter);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.timer = Objects.requireNonNull(timer);
    }

    public DockerCli(Options options, CommandRunner runner, Reporter reporter, Sleeper sleeper) {
        this(options, runner, reporter, sleeper, ProgressTimer.REAL);
    }

    public DockerCli(Options options, Reporter reporter) {
        this(options, new ExecCommandRunner(), reporter, Sleeper.REAL);
    }

    public Options options() {
        return options;
    }

    /** {@code docker login --username U --password-stdin REGISTRY}: the password goes to standard input only. */
    public void login(String registry, String username, byte[] password) {
        List<String> argv = argv("login", "--username", username, "--password-stdin");
        argv.addAll(tlsFlag(registry));
        argv.add(registry);
        withRetries("login", registry, registry, () -> run(argv, password, null));
    }

    /** {@code docker tag SOURCE TARGET}. */
    public void tag(String source, String target) {
        Output out = run(argv("tag", source, target), null, null);
        if (!out.succeeded()) {
            throw failure("tag", target, registryOf(target), out);
        }
    }

    /**
     * {@code docker push REF}, retried on transient failures; the pushed digest, or null if not known. podman prints
     * no digest (and its {@code image inspect} lists the local image's, not the registry's): it is asked to write the
     * pushed digest to a file ({@code --digestfile}).
     */
    public String push(String ref) {
        List<String> argv = argv("push");
        argv.addAll(tlsFlag(registryOf(ref)));
        if (!options.podman()) {
            argv.add(ref);
            return withRetries("push", ref, registryOf(ref), () -> run(argv, null, "push " + ref)).digest();
        }
        Path digestFile = null;
        try {
            digestFile = Files.createTempFile("ecr-push-", ".digest");
            argv.addAll(List.of("--digestfile", digestFile.toString(), ref));
            String printed = withRetries("push", ref, registryOf(ref), () -> run(argv, null, "push " + ref))
                    .digest();
            String written = Files.readString(digestFile, StandardCharsets.UTF_8).trim();
            return EcrImageRef.DIGEST.matcher(written).matches() ? written : printed;
        } catch (IOException e) {
            throw new OperationFailedException("Could not read the digest " + options.executable() + " push wrote to "
                    + digestFile + ": " + e.getMessage(), e);
        } finally {
            if (digestFile != null) {
                try {
                    Files.deleteIfExists(digestFile);
                } catch (IOException e) {
                    reporter.debug("Could not delete " + digestFile + ": " + e.getMessage());
                }
            }
        }
    }

    /** {@code docker pull REF}, retried on transient failures; the pulled digest, or null if not known. */
    public String pull(String ref) {
        List<String> argv = argv("pull");
        argv.addAll(tlsFlag(registryOf(ref)));
        argv.add(ref);
        return withRetries("pull", ref, registryOf(ref), () -> run(argv, null, "pull " + ref)).digest();
    }

    /** {@code docker image inspect REF}: the local image, or empty when there is none by that name. */
    public Optional<LocalImage> inspect(String ref) {
        Output out = run(argv("image", "inspect", ref), null, null, true);
        if (!out.succeeded()) {
            DockerFailure failure = DockerFailure.classify(out.lines());
            if (failure.kind() == DockerFailure.Kind.NO_SUCH_IMAGE && !out.timedOut) {
                return Optional.empty();
            }
            throw failure("image inspect", ref, null, out);
        }
        if (out.stdoutTruncated()) {
            throw new OperationFailedException(options.executable() + " image inspect " + ref + " printed more than "
                    + Output.STDOUT_CAP + " characters; not read");
        }
        try {
            JsonNode all = JsonText.parse(String.join("\n", out.stdout()));
            JsonNode image = all == null ? null : all.index(0).orElse(null);
            return Optional.of(new LocalImage(JsonText.asText(JsonText.member(image, "Id")),
                    strings(JsonText.member(image, "RepoTags")), strings(JsonText.member(image, "RepoDigests"))));
        } catch (UncheckedIOException e) {
            throw new OperationFailedException("Could not read the output of " + options.executable()
                    + " image inspect " + ref + ": " + e.getCause().getMessage(), e);
        }
    }

    /** The engine's version ({@code docker version}), which also proves the daemon answers. */
    public String version() {
        Output out = run(argv("version", "--format", "{{.Server.Version}}"), null, null, true);
        if (!out.succeeded()) {
            throw failure("version", "", null, out);
        }
        return String.join(" ", out.stdout()).trim();
    }

    private List<String> argv(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(options.executable());
        argv.addAll(List.of(args));
        return argv;
    }

    private List<String> tlsFlag(String registry) {
        if (!options.podmanLike()) {
            return List.of(); // Options refuses tlsVerify=false for any other client
        }
        if (Boolean.FALSE.equals(options.tlsVerify()) || options.tlsVerify() == null && isLoopback(registry)) {
            // podman's flag; nerdctl's (a global flag, accepted after the subcommand too) also allows plain HTTP
            return List.of(options.podman() ? "--tls-verify=false" : "--insecure-registry");
        }
        return List.of();
    }

    static boolean isLoopback(String registry) {
        String host = registry == null ? "" : registry.replaceFirst(":\\d+$", "").replaceAll("[\\[\\]]", "");
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    /** The registry part of an image reference (host[:port]), or null for a local or Docker Hub name. */
    static String registryOf(String ref) {
        RegistryHost registry = EcrImageRef.parse(ref, "image").registry();
        return registry == null ? null : registry.address();
    }

    @FunctionalInterface
    private interface Attempt {
        Output run();
    }

    private Output withRetries(String command, String subject, String registry, Attempt attempt) {
        int attempts = options.retries() + 1;
        for (int n = 1; ; n++) {
            Output out = attempt.run();
            if (out.succeeded()) {
                return out;
            }
            DockerFailure failure = out.timedOut ? new DockerFailure(DockerFailure.Kind.TIMEOUT, "")
                    : DockerFailure.classify(out.lines());
            if (!failure.kind().transientFailure() || n >= attempts) {
                throw failure(command, subject, registry, out);
            }
            Duration pause = Duration.ofSeconds(1L << (n - 1));
            reporter.warn(options.executable() + " " + command + " " + subject + " failed ("
                    + (out.timedOut ? "timed out after " + options.timeout().toSeconds() + " s" : failure.detail())
                    + "); trying again in " + pause.toSeconds() + " s (attempt " + (n + 1) + " of " + attempts + ")");
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationFailedException(options.executable() + " " + command + " interrupted", e);
            }
        }
    }

    private Output run(List<String> argv, byte[] stdin, String longWork) {
        return run(argv, stdin, longWork, false);
    }

    /**
     * Runs one command. {@code longWork} (such as {@code push host/repo:tag}) names a transfer: its output lines go
     * to INFO, and every {@link ProgressTimer#PERIOD} a line says how far it is (docker itself is silent for as long
     * as a layer takes when its output is not a terminal); null for a short command, whose output goes to DEBUG.
     */
    private Output run(List<String> argv, byte[] stdin, String longWork, boolean quiet) {
        CommandRunner.Command command = new CommandRunner.Command(argv, stdin, null, options.timeout());
        reporter.debug("Running " + command);
        long started = System.nanoTime();
        Output out = new Output();
        LayerProgress progress = new LayerProgress();
        String what = options.executable() + " " + longWork;
        try (ProgressTimer.Running ticks = longWork == null ? () -> {}
                : timer.start(ProgressTimer.PERIOD, elapsed -> reporter.info(progress.describe(what, elapsed)))) {
            CommandRunner.Result result = runner.run(command, (text, error) -> {
                out.add(text, error);
                if (quiet) {
                    return;
                }
                if (longWork != null && !error) {
                    progress.line(text);
                    reporter.info(text);
                } else {
                    reporter.debug(text);
                }
            });
            out.exitCode = result.exitCode();
            out.timedOut = result.timedOut();
            String step = argv.size() > 2 && argv.get(1).equals("image") ? "image " + argv.get(2) : argv.get(1);
            reporter.debug(options.executable() + " " + step + " took " + (System.nanoTime() - started) / 1_000_000
                    + " ms (exit " + result.exitCode() + ")");
        } catch (CommandRunner.CannotStartException e) {
            String why = String.valueOf(e.getMessage()).replaceFirst("^Cannot run program \"[^\"]*\"( \\(in directory [^)]*\\))?: ", "");
            throw new InvalidInputException("Cannot run the docker executable '" + options.executable() + "' ("
                    + why + "): install Docker, or set <dockerExecutable>/-Decr.dockerExecutable to "
                    + "the path of docker, podman or nerdctl");
        } catch (IOException e) {
            throw new OperationFailedException(String.join(" ", argv) + ": " + e.getMessage(), e);
        }
        return out;
    }

    private EcrPluginException failure(String command, String subject, String registry, Output out) {
        String what = options.executable() + " " + command + (subject.isEmpty() ? "" : " " + subject);
        if (out.timedOut) {
            return new InvalidInputException(what + " timed out after " + options.timeout().toSeconds()
                    + " s: raise <timeout>/-Decr.timeout, or check the network and the docker daemon (DOCKER_HOST)");
        }
        DockerFailure failure = DockerFailure.classify(out.lines());
        String detail = failure.detail();
        String at = registry == null ? "the registry" : "registry " + registry;
        return switch (failure.kind()) {
            case DAEMON_UNREACHABLE -> new InvalidInputException(what + ": docker cannot reach its daemon (" + detail
                    + "). Start the Docker Engine, or point the DOCKER_HOST environment variable at a running one");
            case UNAUTHORIZED -> new InvalidInputException(what + ": " + at + " refused the credentials (" + detail
                    + "). Check that the AWS principal may use this repository (IAM and repository policies), "
                    + "and that <registry>/-Decr.registry is the registry the token is for");
            case IMMUTABLE_TAG -> new InvalidInputException(what + ": the repository is immutable and already holds "
                    + "this tag (" + detail + "). Push under a new tag (<tags>/-Decr.tags), or make the repository "
                    + "MUTABLE");
            case INVALID_REFERENCE -> new InvalidInputException(what + ": not a valid image reference (" + detail
                    + "). Check <image>, <repositoryName>, <tags>/<tag> and <digest>");
            case NO_SUCH_IMAGE -> new InvalidInputException(what + ": no such image (" + detail + "). Check "
                    + "<repositoryName> and <tag>/<digest>, or <image> for a local image");
            case CONNECTION_REFUSED -> new InvalidInputException(what + ": " + at + " is not reachable (" + detail
                    + "). Check <registry>/-Decr.registry and the network");
            case TRANSIENT -> new OperationFailedException(what + " failed after " + (options.retries() + 1)
                    + " attempt(s): " + detail);
            default -> new OperationFailedException(what + " failed (exit " + out.exitCode + "): " + detail);
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.asArray().forEach(n -> list.add(JsonText.asText(n)));
        }
        return List.copyOf(list);
    }

    /**
     * What a command printed and how it ended, in bounded memory: the last {@link #TAIL} lines of both streams (to
     * explain a failure), standard output up to {@link #STDOUT_CAP} characters (for the answers read as a whole, such
     * as {@code image inspect}), and the last pushed/pulled digest seen on standard output however long it is.
     */
    static final class Output {
        static final int TAIL = 200;
        static final int STDOUT_CAP = 1 << 20;

        private final Deque<String> tail = new ArrayDeque<>();
        private final List<String> stdout = new ArrayList<>();
        private int stdoutChars;
        private boolean stdoutTruncated;
        private String digest;
        int exitCode;
        boolean timedOut;

        synchronized void add(String line, boolean error) {
            if (!error) {
                Matcher m = DIGEST.matcher(line);
                if (m.find()) {
                    digest = m.group(1);
                }
                if (!stdoutTruncated && stdoutChars + line.length() <= STDOUT_CAP) {
                    stdout.add(line);
                    stdoutChars += line.length();
                } else {
                    stdoutTruncated = true;
                }
            }
            tail.add(line);
            if (tail.size() > TAIL) {
                tail.removeFirst();
            }
        }

        /** The last lines of both streams, in order. */
        synchronized List<String> lines() {
            return List.copyOf(tail);
        }

        /** Standard output, cut at {@link #STDOUT_CAP} characters (see {@link #stdoutTruncated()}). */
        synchronized List<String> stdout() {
            return List.copyOf(stdout);
        }

        synchronized boolean stdoutTruncated() {
            return stdoutTruncated;
        }

        /** The last {@code digest: sha256:...} on standard output, or null. */
        synchronized String digest() {
            return digest;
        }

        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }
}
