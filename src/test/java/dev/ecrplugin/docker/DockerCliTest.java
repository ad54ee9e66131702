package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.testing.RecordingReporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** DockerCli against a recording runner: what it passes to docker, and how it reads docker's answers. */
class DockerCliTest {

    private static final String PASSWORD = "123456789012-auth-token";

    /** Records every command and answers from a script of (exit code, lines). */
    static final class RecordingRunner implements CommandRunner {
        final List<Command> commands = new ArrayList<>();
        final Deque<Object[]> answers = new ArrayDeque<>();

        RecordingRunner answer(int exit, String... lines) {
            answers.add(new Object[] {exit, lines, false});
            return this;
        }

        RecordingRunner timeout() {
            answers.add(new Object[] {-1, new String[0], true});
            return this;
        }

        @Override
        public Result run(Command command, LineSink output) {
            commands.add(command);
            Object[] answer = answers.isEmpty() ? new Object[] {0, new String[0], false} : answers.removeFirst();
            for (String line : (String[]) answer[1]) {
                output.line(line, (int) answer[0] != 0);
            }
            return new Result((int) answer[0], (boolean) answer[2]);
        }
    }

    private final RecordingRunner runner = new RecordingRunner();
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<Duration> sleeps = new ArrayList<>();

    private DockerCli cli(String executable, int retries, Boolean tlsVerify) {
        return new DockerCli(new DockerCli.Options(executable, Duration.ofSeconds(30), retries, tlsVerify), runner,
                reporter, sleeps::add);
    }

    @Test
    void passwordGoesToStdinOnlyNeverArgvNorLog() {
        runner.answer(0, "Login Succeeded");
        cli("docker", 2, null).login("127.0.0.1:5000", "AWS", PASSWORD.getBytes(StandardCharsets.UTF_8));
        CommandRunner.Command login = runner.commands.get(0);
        assertEquals(List.of("docker", "login", "--username", "AWS", "--password-stdin", "127.0.0.1:5000"),
                login.argv());
        assertArrayEquals(PASSWORD.getBytes(StandardCharsets.UTF_8), login.stdin());
        assertFalse(String.join(" ", login.argv()).contains(PASSWORD));
        assertFalse(login.toString().contains(PASSWORD));
        assertTrue(login.env().isEmpty());
        assertTrue(reporter.debugs.contains("Running docker login --username AWS --password-stdin 127.0.0.1:5000"));
        reporter.all().forEach(l -> assertFalse(l.contains(PASSWORD), l));
    }

    @Test
    void eachCommandSaysAtDebugHowLongItTook() {
        runner.answer(0, "");
        runner.answer(0, "[{\"Id\":\"sha256:1\",\"RepoTags\":[\"a:1\"],\"RepoDigests\":[]}]");
        DockerCli cli = cli("docker", 0, null);
        cli.tag("a:1", "host/repo:1");
        cli.inspect("a:1");
        List<String> took = reporter.debugs.stream().filter(d -> d.contains(" took ")).toList();
        assertEquals(2, took.size(), reporter.debugs.toString());
        assertTrue(took.get(0).matches("docker tag took \\d+ ms \\(exit 0\\)"), took.get(0));
        assertTrue(took.get(1).matches("docker image inspect took \\d+ ms \\(exit 0\\)"), took.get(1));
    }

    @Test
    void podmanGetsTlsVerifyFalseForLoopbackOnly() {
        cli("/usr/bin/podman", 0, null).pull("127.0.0.1:5000/repo:1");
        cli("podman", 0, null).pull("123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:1");
        cli("podman", 0, false).pull("registry.example.com/repo:1");
        cli("docker", 0, null).push("127.0.0.1:5000/repo:1");
        assertEquals(List.of("/usr/bin/podman", "pull", "--tls-verify=false", "127.0.0.1:5000/repo:1"),
                runner.commands.get(0).argv());
        assertEquals(List.of("podman", "pull", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:1"),
                runner.commands.get(1).argv());
        assertEquals(List.of("podman", "pull", "--tls-verify=false", "registry.example.com/repo:1"),
                runner.commands.get(2).argv());
        assertEquals(List.of("docker", "push", "127.0.0.1:5000/repo:1"), runner.commands.get(3).argv());
        assertThrows(InvalidInputException.class, () -> cli("docker", 0, false));
    }

    @Test
    void nerdctlGetsItsOwnInsecureRegistryFlag() {
        // nerdctl has no --tls-verify; --insecure-registry skips certificate checks and allows plain HTTP
        cli("nerdctl", 0, null).pull("127.0.0.1:5000/repo:1");
        cli("/usr/local/bin/nerdctl", 0, false).push("registry.example.com/repo:1");
        cli("nerdctl", 0, null).pull("123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:1");
        assertEquals(List.of("nerdctl", "pull", "--insecure-registry", "127.0.0.1:5000/repo:1"),
                runner.commands.get(0).argv());
        assertEquals(List.of("/usr/local/bin/nerdctl", "push", "--insecure-registry", "registry.example.com/repo:1"),
                runner.commands.get(1).argv());
        assertEquals(List.of("nerdctl", "pull", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:1"),
                runner.commands.get(2).argv());
    }

    @Test
    void tlsVerifyFalseIsRefusedForEveryClientButPodmanAndNerdctl() {
        InvalidInputException docker =
                assertThrows(InvalidInputException.class, () -> cli("/usr/bin/docker", 0, false));
        assertEquals("<tlsVerify>false is for podman and nerdctl: the docker client has no such flag (list the "
                + "registry in the daemon's insecure-registries instead), or remove <tlsVerify>/-Decr.tlsVerify",
                docker.getMessage());
        for (String other : List.of("/opt/docker-26/bin/docker.real", "finch", "docker.exe")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> cli(other, 0, false), other);
            assertTrue(e.getMessage().startsWith("<tlsVerify>false is for podman and nerdctl: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("or remove <tlsVerify>/-Decr.tlsVerify"), e.getMessage());
        }
        assertEquals("<tlsVerify>false is for podman and nerdctl: 'finch' "
                + "(<dockerExecutable>/-Decr.dockerExecutable) is neither, and the docker client has no such flag "
                + "(list the registry in the daemon's insecure-registries instead), or remove <tlsVerify>/"
                + "-Decr.tlsVerify",
                assertThrows(InvalidInputException.class, () -> cli("finch", 0, false)).getMessage());

        cli("finch", 0, null).pull("127.0.0.1:5000/repo:1");
        cli("docker.real", 0, true).pull("127.0.0.1:5000/repo:1");
        cli("podman.exe", 0, false).pull("registry.example.com/repo:1");
        assertEquals(List.of("finch", "pull", "127.0.0.1:5000/repo:1"), runner.commands.get(0).argv());
        assertEquals(List.of("docker.real", "pull", "127.0.0.1:5000/repo:1"), runner.commands.get(1).argv());
        assertEquals(List.of("podman.exe", "pull", "--tls-verify=false", "registry.example.com/repo:1"),
                runner.commands.get(2).argv());
    }

    @Test
    void podmanWritesThePushedDigestToAFileThatIsReadAndRemoved() {
        String digest = "sha256:" + "f".repeat(64);
        List<Path> files = new ArrayList<>();
        CommandRunner podman = (command, output) -> {
            runner.commands.add(command);
            Path file = Path.of(command.argv().get(command.argv().indexOf("--digestfile") + 1));
            files.add(file);
            Files.writeString(file, digest);
            output.line("Writing manifest to image destination", false);
            return new CommandRunner.Result(0, false);
        };
        DockerCli cli = new DockerCli(new DockerCli.Options("podman", Duration.ofSeconds(30), 0, null), podman,
                reporter, sleeps::add);
        assertEquals(digest, cli.push("127.0.0.1:5000/repo:1.0"));
        assertEquals(List.of("podman", "push", "--tls-verify=false", "--digestfile", files.get(0).toString(),
                "127.0.0.1:5000/repo:1.0"), runner.commands.get(0).argv());
        assertFalse(Files.exists(files.get(0)));
    }

    @Test
    void pushStreamsProgressAndReadsTheDigest() {
        String digest = "sha256:" + "a".repeat(64);
        runner.answer(0, "The push refers to repository [127.0.0.1:5000/repo]", "1.0: digest: " + digest + " size: 523");
        assertEquals(digest, cli("docker", 0, null).push("127.0.0.1:5000/repo:1.0"));
        assertTrue(reporter.infos.contains("The push refers to repository [127.0.0.1:5000/repo]"));
    }

    @Test
    void endlessOutputIsHeldInBoundedMemoryAndTheLastDigestStillCounts() {
        String digest = "sha256:" + "b".repeat(64);
        DockerCli.Output out = new DockerCli.Output();
        String progress = "x".repeat(99);
        for (int i = 0; i < 40_000; i++) {
            out.add(progress, i % 4 == 0);
        }
        out.add("1.0: digest: " + digest + " size: 523", false);
        assertEquals(digest, out.digest());
        assertTrue(out.stdoutTruncated());
        assertTrue(out.stdout().stream().mapToInt(String::length).sum() <= DockerCli.Output.STDOUT_CAP);
        List<String> lines = out.lines();
        assertEquals(DockerCli.Output.TAIL, lines.size());
        assertEquals("1.0: digest: " + digest + " size: 523", lines.get(lines.size() - 1));
    }

    @Test
    void aPushThatPrintsMoreThanTheCapStillReportsItsDigest() {
        String digest = "sha256:" + "c".repeat(64);
        String[] lines = new String[30_001];
        Arrays.fill(lines, "layer: Pushing " + "=".repeat(50));
        lines[30_000] = "1.0: digest: " + digest + " size: 523";
        runner.answer(0, lines);
        assertEquals(digest, cli("docker", 0, null).push("127.0.0.1:5000/repo:1.0"));
    }

    @Test
    void anInspectAnswerBeyondTheCapIsRefusedNotMisread() {
        String[] lines = new String[20_000];
        Arrays.fill(lines, " ".repeat(60));
        runner.answer(0, lines);
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> cli("docker", 0, null).inspect("a:1"));
        assertTrue(e.getMessage().contains("printed more than"), e.getMessage());
    }

    @Test
    void theRegistryOfAReferenceFollowsEcrImageRef() {
        assertEquals("127.0.0.1:5000", DockerCli.registryOf("127.0.0.1:5000/team/repo:1"));
        assertEquals("localhost", DockerCli.registryOf("localhost/repo@sha256:" + "d".repeat(64)));
        assertEquals("123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                DockerCli.registryOf("123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:1"));
        assertEquals(null, DockerCli.registryOf("team/repo:1"));
        assertEquals(null, DockerCli.registryOf("repo"));
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() {
        runner.answer(1, "Put \"http://r/v2/\": read tcp: connection reset by peer")
                .answer(1, "received unexpected HTTP status: 503 Service Unavailable").answer(0, "ok");
        cli("docker", 2, null).push("127.0.0.1:5000/repo:1");
        assertEquals(3, runner.commands.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void authenticationFailuresAreNeverRetried() {
        runner.answer(1, "unauthorized: authentication required");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cli("docker", 2, null).push("127.0.0.1:5000/repo:1"));
        assertEquals(1, runner.commands.size());
        assertTrue(e.getMessage().contains("registry 127.0.0.1:5000 refused the credentials"), e.getMessage());
    }

    @Test
    void retriesRunOut() {
        runner.answer(1, "Error: 502 Bad Gateway").answer(1, "Error: 502 Bad Gateway");
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> cli("docker", 1, null).pull("127.0.0.1:5000/repo:1"));
        assertEquals("docker pull 127.0.0.1:5000/repo:1 failed after 2 attempt(s): Error: 502 Bad Gateway",
                e.getMessage());
    }

    @Test
    void timeoutSaysHowLong() {
        runner.timeout();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cli("docker", 0, null).push("127.0.0.1:5000/repo:1"));
        assertTrue(e.getMessage().startsWith("docker push 127.0.0.1:5000/repo:1 timed out after 30 s"),
                e.getMessage());
    }

    @Test
    void immutableTagRejection() {
        runner.answer(1, "tag invalid: The image tag '1.0' already exists in the 'repo' repository and cannot be "
                + "overwritten because the repository is immutable.");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cli("docker", 2, null).push("127.0.0.1:5000/repo:1.0"));
        assertTrue(e.getMessage().contains("the repository is immutable and already holds this tag"));
        assertEquals(1, runner.commands.size());
    }

    @Test
    void inspectReadsTheImageOrSaysThereIsNone() {
        runner.answer(0, "[{\"Id\":\"sha256:1\",\"RepoTags\":[\"a:1\"],\"RepoDigests\":[\"r:5/a@sha256:2\"]}]")
                .answer(1, "Error response from daemon: No such image: b:1");
        DockerCli cli = cli("docker", 0, null);
        DockerCli.LocalImage image = cli.inspect("a:1").orElseThrow();
        assertEquals(List.of("sha256:2"), image.digestsIn("r:5/a"));
        assertTrue(cli.inspect("b:1").isEmpty());
    }

    @Test
    void inspectReadsEveryTagAndDigestAndRefusesWhatIsNotJson() {
        runner.answer(0, "[", "  {\"Id\": \"sha256:1\", \"RepoTags\": [\"a:1\", \"a:latest\"], \"RepoDigests\": null,",
                        "   \"Config\": {\"Labels\": {\"x\": \"y\"}}}", "]")
                .answer(0, "[{\"Id\": \"sha256:1\",")
                .answer(0);
        DockerCli cli = cli("docker", 0, null);
        assertEquals(new DockerCli.LocalImage("sha256:1", List.of("a:1", "a:latest"), List.of()),
                cli.inspect("a:1").orElseThrow());
        OperationFailedException e = assertThrows(OperationFailedException.class, () -> cli.inspect("a:1"));
        assertTrue(e.getMessage().startsWith("Could not read the output of docker image inspect a:1: Unexpected "
                + "end-of-input"), e.getMessage());
        assertEquals(new DockerCli.LocalImage("", List.of(), List.of()), cli.inspect("a:1").orElseThrow(),
                "nothing printed: an image without id, tags or digests, as before");
    }

    @Test
    void daemonNotReachableNamesDockerHost() {
        runner.answer(1, "Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> cli("docker", 0, null).version());
        assertTrue(e.getMessage().contains("DOCKER_HOST"));
    }

    /** A timer whose ticks the test fires itself, from inside the running command. */
    static final class ManualTimer implements ProgressTimer {
        final List<Duration> periods = new ArrayList<>();
        final List<java.util.function.Consumer<Duration>> ticks = new ArrayList<>();
        int closed;

        @Override
        public Running start(Duration period, java.util.function.Consumer<Duration> tick) {
            periods.add(period);
            ticks.add(tick);
            return () -> closed++;
        }

        void tick(long seconds) {
            ticks.get(ticks.size() - 1).accept(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void pushAndPullSayHowFarTheyAreEveryTenSecondsWhileDockerWorks() {
        ManualTimer timer = new ManualTimer();
        String ref = "123456789012.dkr.ecr.us-east-1.amazonaws.com/repo1:1.0";
        CommandRunner working = (command, out) -> {
            out.line("The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/repo1]", false);
            out.line("aaaaaaaaaaaa: Preparing", false);
            out.line("bbbbbbbbbbbb: Preparing", false);
            out.line("cccccccccccc: Preparing", false);
            timer.tick(10);
            out.line("aaaaaaaaaaaa: Pushed", false);
            out.line("bbbbbbbbbbbb: Layer already exists", false);
            timer.tick(20);
            out.line("cccccccccccc: Pushed", false);
            out.line("1.0: digest: sha256:" + "1".repeat(64) + " size: 942", false);
            return new CommandRunner.Result(0, false);
        };
        DockerCli cli = new DockerCli(new DockerCli.Options("docker", Duration.ofSeconds(30), 0, null), working,
                reporter, sleeps::add, timer);

        assertEquals("sha256:" + "1".repeat(64), cli.push(ref));

        assertEquals(List.of(Duration.ofSeconds(10)), timer.periods);
        assertEquals(1, timer.closed, "the ticks stop when docker ends");
        assertTrue(reporter.infos.contains("docker push " + ref + ": 0 of 3 layers done, 10 s elapsed"),
                reporter.infos.toString());
        assertTrue(reporter.infos.contains("docker push " + ref + ": 2 of 3 layers done, 20 s elapsed"),
                reporter.infos.toString());
        assertTrue(reporter.infos.indexOf("bbbbbbbbbbbb: Layer already exists")
                < reporter.infos.indexOf("docker push " + ref + ": 2 of 3 layers done, 20 s elapsed"));

        CommandRunner pulling = (command, out) -> {
            out.line("1.0: Pulling from repo1", false);
            out.line("aaaaaaaaaaaa: Pulling fs layer", false);
            timer.tick(10);
            out.line("aaaaaaaaaaaa: Pull complete", false);
            return new CommandRunner.Result(0, false);
        };
        new DockerCli(new DockerCli.Options("podman", Duration.ofSeconds(30), 0, null), pulling, reporter,
                sleeps::add, timer).pull(ref);
        assertTrue(reporter.infos.contains("podman pull " + ref + ": 0 of 1 layer done, 10 s elapsed"),
                reporter.infos.toString());
        assertEquals(2, timer.closed);
    }

    @Test
    void shortCommandsStartNoProgressTimer() {
        ManualTimer timer = new ManualTimer();
        DockerCli cli = new DockerCli(new DockerCli.Options("docker", Duration.ofSeconds(30), 0, null), runner,
                reporter, sleeps::add, timer);
        runner.answer(0, "Login Succeeded");
        cli.login("registry.example.com", "AWS", PASSWORD.getBytes(StandardCharsets.UTF_8));
        cli.tag("app:1", "registry.example.com/app:1");
        runner.answer(0, "[]");
        cli.inspect("app:1");
        runner.answer(0, "27.5.1");
        cli.version();
        assertTrue(timer.periods.isEmpty(), timer.periods.toString());
    }

    @Test
    void aFailedPushStopsItsTicksBeforeTheRetry() {
        ManualTimer timer = new ManualTimer();
        runner.answer(1, "received unexpected HTTP status: 503 Service Unavailable").answer(0, "1: digest: sha256:"
                + "2".repeat(64) + " size: 1");
        DockerCli cli = new DockerCli(new DockerCli.Options("docker", Duration.ofSeconds(30), 1, null), runner,
                reporter, sleeps::add, timer);
        cli.push("registry.example.com/app:1");
        assertEquals(2, timer.periods.size(), "one timer per attempt");
        assertEquals(2, timer.closed);
    }
}
