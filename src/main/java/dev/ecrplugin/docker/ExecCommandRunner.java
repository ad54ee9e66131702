package dev.ecrplugin.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.environment.EnvironmentUtils;

/** {@link CommandRunner} on Apache Commons Exec: a watchdog for the timeout, output pumped line by line. */
public final class ExecCommandRunner implements CommandRunner {

    @Override
    public Result run(Command command, LineSink output) throws IOException {
        CommandLine line = new CommandLine(command.argv().get(0));
        for (String arg : command.argv().subList(1, command.argv().size())) {
            line.addArgument(arg, false);
        }
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(command.timeout()).get();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null); // every exit code is an answer; the caller reads it
        // stdout and stderr are pumped by two threads; the sink sees one line at a time
        LineSink serial = new SerialSink(output);
        LineStream out = new LineStream(serial, false);
        LineStream err = new LineStream(serial, true);
        executor.setStreamHandler(new PumpStreamHandler(out, err, new ByteArrayInputStream(command.stdin())));
        Map<String, String> env = command.env().isEmpty() ? null : environment(command.env());
        int exit;
        try {
            exit = executor.execute(line, env);
        } catch (ExecuteException e) {
            // with every exit value accepted, this means the program could not be started
            throw new IOException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
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
