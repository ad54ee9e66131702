package dev.ecrplugin.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real HTTP proxy for tests: Debian's tinyproxy ({@code apt-get install tinyproxy}) on a free loopback port, with
 * basic auth, logging every request to {@link #log()}. Started by ITs' prebuild scripts, stopped by their verify
 * scripts, and by a JVM shutdown hook when a verify script never runs.
 */
public final class TinyProxy implements AutoCloseable {

    public static final String USER = "it-proxy-user";
    public static final String PASSWORD = "it-proxy-password";

    private final Process process;
    private final int port;
    private final Path log;

    private TinyProxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts tinyproxy with its config and log in {@code dir}; ready when it returns. */
    public static TinyProxy start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("tinyproxy.log");
        Path conf = dir.resolve("tinyproxy.conf");
        Files.writeString(conf, String.join("\n",
                "Port " + port, "Listen 127.0.0.1", "Timeout 60", "LogFile \"" + log + "\"", "LogLevel Info",
                "MaxClients 20", "BasicAuth " + USER + " " + PASSWORD, "DisableViaHeader Yes", ""));
        Process process = new ProcessBuilder("tinyproxy", "-d", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tinyproxy.out").toFile()).start();
        TinyProxy proxy = new TinyProxy(process, port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return proxy;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroy();
                    throw new IllegalStateException("tinyproxy did not start; see " + dir.resolve("tinyproxy.out"));
                }
                Thread.sleep(100);
            }
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Stops the tinyproxy with this pid (verify scripts only know the pid their prebuild script wrote). */
    public static void stop(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
