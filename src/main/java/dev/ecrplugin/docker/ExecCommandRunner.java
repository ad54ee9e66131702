package dev.ecrplugin.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.Watchdog;
import org.apache.commons.exec.environment.EnvironmentUtils;

/**
 * {@link CommandRunner} on Apache Commons Exec: a watchdog for the timeout that ends the command's whole process
 * tree, output pumped line by line.
 */
public final class ExecCommandRunner implements CommandRunner {

    /**
     * How long to wait, once the command has ended, for its output to close. A process it left behind (a daemon,
     * the child of a wrapper script) may hold the pipes open for ever.
     */
    static final Duration OUTPUT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public Result run(Command command, LineSink output) throws IOException {
        CommandLine line = new CommandLine(command.argv().get(0));
        for (String arg : command.argv().subList(1, command.argv().size())) {
            line.addArgument(arg, false);
        }
        TreeWatchdog watchdog = new TreeWatchdog(command.timeout());
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null); // every exit code is an answer; the caller reads it
        // stdout and stderr are pumped by two threads; the sink sees one line at a time
        LineSink serial = new SerialSink(output);
        LineStream out = new LineStream(serial, false);
        LineStream err = new LineStream(serial, true);
        PumpStreamHandler streams = new PumpStreamHandler(out, err, new ByteArrayInputStream(command.stdin()));
        streams.setStopTimeout(OUTPUT_CLOSE_TIMEOUT);
        executor.setStreamHandler(streams);
        Map<String, String> env = command.env().isEmpty() ? null : environment(command.env());
        int exit;
        try {
            exit = executor.execute(line, env);
        } catch (IOException e) {
            if (watchdog.failedToStart) {
                throw new CannotStartException(e.getMessage(), e); // "Cannot run program "docker": error=2, ..."
            }
            if (String.valueOf(e.getMessage()).contains("stop timeout")) {
                throw new IOException(command.argv().get(0) + " ended, but its output stayed open "
                        + OUTPUT_CLOSE_TIMEOUT.toSeconds() + " s longer: a process it started still holds it", e);
            }
            throw e;
        } finally {
            out.close();
            err.close();
        }
        return new Result(exit, watchdog.killedProcess());
    }

    private static Map<String, String> environment(Map<String, String> extra) throws IOException {
        Map<String, String> env = EnvironmentUtils.getProcEnvironment();
        env.putAll(extra);
        return env;
    }

    /**
     * Commons Exec's watchdog kills the process it started; a wrapper script's children (a {@code docker} run by a
     * shell script without {@code exec}) would live on and keep the output open, so the run would not end. This one
     * kills the descendants first, then lets the watchdog kill the process. It also tells a program that never
     * started from one that failed while running.
     */
    private static final class TreeWatchdog extends ExecuteWatchdog {
        private Process process;
        volatile boolean failedToStart;

        @SuppressWarnings("deprecation") // the builder's product cannot be extended; this constructor is the same
        TreeWatchdog(Duration timeout) {
            super(timeout.toMillis());
        }

        @Override
        public synchronized void start(Process started) {
            this.process = started;
            super.start(started);
        }

        @Override
        public synchronized void failedToStart(Exception e) {
            failedToStart = true;
            super.failedToStart(e);
        }

        @Override
        public synchronized void timeoutOccured(Watchdog w) {
            if (process != null) {
                List<ProcessHandle> tree = process.descendants().toList(); // before the parent dies and they move
                tree.forEach(ProcessHandle::destroyForcibly);
            }
            super.timeoutOccured(w);
        }
    }

    /** Delivers lines to the sink one at a time, whichever pump thread read them. */
    private record SerialSink(LineSink sink) implements LineSink {
        @Override
        public synchronized void line(String text, boolean error) {
            sink.line(text, error);
        }
    }

    /** Hands each complete line to the sink as soon as its newline arrives. */
    private static final class LineStream extends LogOutputStream {
        private final LineSink sink;
        private final boolean error;

        LineStream(LineSink sink, boolean error) {
            super(0, StandardCharsets.UTF_8);
            this.sink = sink;
            this.error = error;
        }

        @Override
        protected void processLine(String text, int level) {
            sink.line(text, error);
        }
    }
}
