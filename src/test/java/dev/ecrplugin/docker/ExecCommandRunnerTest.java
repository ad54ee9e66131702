package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ExecCommandRunner with real processes (sh, sleep): output, timeouts, and programs that cannot start. */
class ExecCommandRunnerTest {

    /** Processes a test left behind on purpose (to hold a pipe open); killed after each test. */
    private final List<Long> strays = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void killStrays() {
        strays.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void realProcessesDeliverLinesOneAtATime() throws Exception {
        // stdout and stderr are read by two threads; the sink (a plain ArrayList here) must never be entered twice
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> lines = new ArrayList<>();
        new ExecCommandRunner().run(new CommandRunner.Command(List.of("sh", "-c",
                "i=0; while [ $i -lt 3000 ]; do echo o$i; echo e$i >&2; i=$((i+1)); done"), null, null,
                Duration.ofSeconds(60)), (text, error) -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    lines.add(text);
                    Thread.onSpinWait();
                    inside.decrementAndGet();
                });
        assertEquals(0, overlaps.get());
        assertEquals(6000, lines.size());
    }

    @Test
    void realProcessesStreamLinesAndTimeOut() throws Exception {
        ExecCommandRunner real = new ExecCommandRunner();
        List<String> lines = new ArrayList<>();
        CommandRunner.Result ok = real.run(new CommandRunner.Command(List.of("sh", "-c", "cat; echo err >&2"),
                "from stdin\n".getBytes(StandardCharsets.UTF_8), null, Duration.ofSeconds(30)),
                (text, error) -> lines.add((error ? "E " : "O ") + text));
        assertTrue(ok.succeeded());
        assertEquals(List.of("O from stdin", "E err"), lines.stream().sorted(
                (a, b) -> a.charAt(0) == b.charAt(0) ? 0 : a.startsWith("O") ? -1 : 1).toList());
        CommandRunner.Result killed = real.run(new CommandRunner.Command(List.of("sleep", "30"), null, null,
                Duration.ofMillis(300)), (text, error) -> { });
        assertTrue(killed.timedOut());
    }

    @Test
    void aTimeoutEndsTheWholeProcessTreeNotJustTheChild() throws Exception {
        // a wrapper script that runs docker without exec: killing the shell alone leaves its child holding the pipes;
        // unless the grandchild (sleep 600) is killed too, the run can only end when it does
        CommandRunner.Result result = endsWithin(leavingAStray("sleep 600 & echo $!; wait", Duration.ofSeconds(2)),
                "the timeout did not end the run: the grandchild held its output");
        assertTrue(result.timedOut());
    }

    @Test
    void outputLeftOpenByAStrayProcessDoesNotHangTheRunNorHideTheExitCode() throws Exception {
        // the stray (sleep 600) holds stdout after sh has ended: the run must end all the same, with sh's exit code
        // (whether the JDK closed the pipe at sh's exit, or the pumps gave up after their stop timeout)
        CommandRunner.Result result = endsWithin(leavingAStray("sleep 600 & echo $!; exit 3", Duration.ofSeconds(600)),
                "the run hung on output a stray process held open");
        assertEquals(3, result.exitCode());
        assertFalse(result.timedOut());
    }

    @Test
    void onlyAMissingOrUnrunnableProgramIsCannotStart() {
        assertTrue(ExecCommandRunner.notRunnable(new IOException(
                "Cannot run program \"/x/docker\": error=2, No such file or directory")));
        assertTrue(ExecCommandRunner.notRunnable(new IOException("Cannot run program \"d\": error=13, Permission denied")));
        assertTrue(ExecCommandRunner.notRunnable(new IOException("Cannot run program \"d\"")));
        assertFalse(ExecCommandRunner.notRunnable(new IOException(
                "Cannot run program \"docker\": error=12, Cannot allocate memory")));
        assertFalse(ExecCommandRunner.notRunnable(new IOException(
                "Cannot run program \"docker\": error=24, Too many open files")));
    }

    /** Runs {@code sh -c script} in the background; the script prints the pid of the process it leaves behind. */
    private CompletableFuture<CommandRunner.Result> leavingAStray(String script, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new ExecCommandRunner().run(new CommandRunner.Command(List.of("sh", "-c", script), null, null,
                        timeout), (text, error) -> {
                            if (text.trim().matches("\\d+")) {
                                strays.add(Long.parseLong(text.trim()));
                            }
                        });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aProgramThatCannotStartIsToldApartFromOneThatFailed() throws Exception {
        ExecCommandRunner real = new ExecCommandRunner();
        CommandRunner.CannotStartException missing = assertThrows(CommandRunner.CannotStartException.class,
                () -> real.run(new CommandRunner.Command(List.of("/nonexistent/docker", "version"), null, null,
                        Duration.ofSeconds(30)), (text, error) -> { }));
        assertTrue(missing.getMessage().contains("/nonexistent/docker"), missing.getMessage());
        assertEquals(3, real.run(new CommandRunner.Command(List.of("sh", "-c", "exit 3"), null, null,
                Duration.ofSeconds(30)), (text, error) -> { }).exitCode());
    }

    @Test
    void dockerCliSaysInstallDockerOnlyWhenItCannotStart() {
        RecordingReporter reporter = new RecordingReporter();
        DockerCli missing = new DockerCli(new DockerCli.Options("/nonexistent/docker", Duration.ofSeconds(30), 0,
                null), new ExecCommandRunner(), reporter, d -> { });
        InvalidInputException notInstalled = assertThrows(InvalidInputException.class, missing::version);
        assertTrue(notInstalled.getMessage().contains("install Docker"), notInstalled.getMessage());

        CommandRunner unreadable = (command, output) -> {
            throw new IOException("Stream closed");
        };
        DockerCli broken = new DockerCli(new DockerCli.Options("docker", Duration.ofSeconds(30), 0, null),
                unreadable, reporter, d -> { });
        OperationFailedException failed = assertThrows(OperationFailedException.class, broken::version);
        assertFalse(failed.getMessage().contains("install Docker"), failed.getMessage());
        assertTrue(failed.getMessage().contains("Stream closed"), failed.getMessage());
    }

    /** The run's result; fails the test when it has not ended after 120 s (a hang guard, not a speed check). */
    private static <T> T endsWithin(CompletableFuture<T> run, String hang) throws Exception {
        try {
            return run.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail(hang);
        }
    }
}
