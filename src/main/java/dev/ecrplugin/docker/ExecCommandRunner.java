package dev.ecrplugin.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.Executor;
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
     * How long each of the output pumps waits, once the command has ended, for its pipe to close: a process the
     * command left running (a daemon, the child of a wrapper script) may hold it open for ever. Commons Exec adds 2 s
     * to it, per pump.
     */
    static final Duration OUTPUT_CLOSE_TIMEOUT = Duration.ofSeconds(3);

    /** errno values of a program that is not there or not runnable; others (ENOMEM, EAGAIN, EMFILE) are the world's. */
    private static final Pattern NOT_RUNNABLE = Pattern.compile("error=(2|8|13|20)\\b");
    private static final Pattern ERRNO = Pattern.compile("error=\\d+");

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
        String program = command.argv().get(0);
        int exit;
        try {
            exit = executor.execute(line, env);
        } catch (IOException e) {
            Process ended = watchdog.process();
            if (e instanceof ExecuteException stopped && stopped.getExitValue() == Executor.INVALID_EXITVALUE
                    && ended != null && !ended.isAlive()) {
                // the command ended, but a process it left running held the output open: its exit code is the answer
                serial.line("(" + program + " ended; a process it left running still held its output, which was "
                        + "not read to the end)", true);
                exit = ended.exitValue();
            } else if (watchdog.failedToStart && notRunnable(e)) {
                throw new CannotStartException(e.getMessage(), e); // "Cannot run program "docker": error=2, ..."
            } else {
                throw e;
            }
        } finally {
            out.close();
            err.close();
        }
        if (exit == Executor.INVALID_EXITVALUE && !watchdog.timedOut()) {
            // Commons Exec answers an interrupt with this exit value, and clears the interrupt
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(program + " was interrupted");
        }
        return new Result(exit, watchdog.timedOut());
    }

    /** Not installed, not executable: no errno at all (nothing ran), or one that says so. */
    static boolean notRunnable(IOException e) {
        String message = String.valueOf(e.getMessage());
        return NOT_RUNNABLE.matcher(message).find() || !ERRNO.matcher(message).find();
    }

    private static Map<String, String> environment(Map<String, String> extra) throws IOException {
        Map<String, String> env = EnvironmentUtils.getProcEnvironment();
        env.putAll(extra);
        return env;
    }

    /**
     * Commons Exec's watchdog kills the process it started; a wrapper script's children (a {@code docker} run by a
     * shell script without {@code exec}) would live on and keep the output open, so the run would not end. This one
     * lists the descendants, decides whether the command was still running, lets the watchdog kill it, then kills
     * the descendants. It also tells a program that never started from one that failed while running.
     */
    private static final class TreeWatchdog extends ExecuteWatchdog {
        private Process process;
        private boolean timedOut;
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

        synchronized Process process() {
            return process;
        }

        /** The timeout struck while the command ran (decided before anything was killed). */
        synchronized boolean timedOut() {
            return timedOut || killedProcess();
        }

        @Override
        public synchronized void failedToStart(Exception e) {
            failedToStart = true;
            super.failedToStart(e);
        }

        @Override
        public synchronized void timeoutOccured(Watchdog w) {
            // the tree first (once the parent dies, its children move to init), the verdict next: a wrapper shell
            // whose child is killed may exit by itself before the watchdog looks
            List<ProcessHandle> tree = process == null ? List.of() : process.descendants().toList();
            timedOut = process != null && process.isAlive();
            try {
                super.timeoutOccured(w);
            } finally {
                tree.forEach(ProcessHandle::destroyForcibly);
            }
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
