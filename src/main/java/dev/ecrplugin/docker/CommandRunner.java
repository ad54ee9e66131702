package dev.ecrplugin.docker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one external command. The seam between the docker client code and real processes: tests record the
 * commands instead of running them.
 */
public interface CommandRunner {

    /**
     * Runs {@code command} to its end (or its timeout), handing every output line to {@code output} as it comes.
     *
     * @throws CannotStartException when the program cannot be started (not found, not executable)
     * @throws IOException          when it started but its output could not be read to the end
     */
    Result run(Command command, LineSink output) throws IOException;

    /** The program could not be started at all: nothing ran. */
    final class CannotStartException extends IOException {
        private static final long serialVersionUID = 1L;

        public CannotStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Receives each line of the command's output, as it is written. Calls come from the threads that read the
     * process's output, but never two at once: an implementation needs no locking of its own.
     */
    @FunctionalInterface
    interface LineSink {
        /** {@code error}: the line came from standard error. */
        void line(String text, boolean error);
    }

    /**
     * One command line.
     *
     * @param argv    the program and its arguments; never a secret
     * @param stdin   bytes written to the program's standard input, then closed (the only way a secret is passed)
     * @param env     variables added to (or replacing in) the inherited environment
     * @param timeout how long the command may run before it is killed
     */
    record Command(List<String> argv, byte[] stdin, Map<String, String> env, Duration timeout) {

        public Command {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("empty command");
            }
            stdin = stdin == null ? new byte[0] : stdin;
            env = env == null ? Map.of() : Map.copyOf(env);
            Objects.requireNonNull(timeout, "timeout");
        }

        /** The command line as it may be shown: argv only (stdin and environment may hold secrets). */
        @Override
        public String toString() {
            return String.join(" ", argv);
        }
    }

    /**
     * How a command ended.
     *
     * @param exitCode the process's exit code (meaningless when timed out)
     * @param timedOut the watchdog killed it
     */
    record Result(int exitCode, boolean timedOut) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }
}
