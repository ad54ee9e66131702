package dev.ecrplugin.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path log;

    private TinyProxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts tinyproxy with its config and log in {@code dir}; ready when it returns. The free port is released
     * before tinyproxy binds it, so another process may take it in between: then tinyproxy exits ("Could not create
     * listening sockets") and this tries again with a new port, up to {@value #ATTEMPTS} times.
     */
    public static TinyProxy start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String output = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            TinyProxy proxy = startOnce(dir, freePort());
            if (proxy != null) {
                return proxy;
            }
            output = Files.readString(dir.resolve("tinyproxy.out"));
        }
        throw new IllegalStateException("tinyproxy exited " + ATTEMPTS + " times before listening; its last output:\n"
                + output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** tinyproxy on {@code port}, ready; or null if it exited (the port was taken). */
    private static TinyProxy startOnce(Path dir, int port) throws IOException, InterruptedException {
        Path log = dir.resolve("tinyproxy.log");
        Files.deleteIfExists(log);
        Path conf = dir.resolve("tinyproxy.conf");
        Files.writeString(conf, String.join("\n",
                "Port " + port, "Listen 127.0.0.1", "Timeout 60", "LogFile \"" + log + "\"", "LogLevel Info",
                "MaxClients 20", "BasicAuth " + USER + " " + PASSWORD, "DisableViaHeader Yes", ""));
        Process process = new ProcessBuilder("tinyproxy", "-d", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tinyproxy.out").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            // a connect alone can reach whoever took the port; tinyproxy's own log line says it bound it
            if (listening(log)) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    if (process.isAlive()) {
                        return new TinyProxy(process, port, log);
                    }
                } catch (IOException notYet) {
                    // listening but not accepting yet, or exited: decided below
                }
            }
            if (!process.isAlive()) {
                return null;
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroy();
                throw new IllegalStateException("tinyproxy did not start within 20 s; its output:\n"
                        + Files.readString(dir.resolve("tinyproxy.out")));
            }
            Thread.sleep(100); // polls tinyproxy's log until it listens, up to the deadline above
        }
    }

    private static boolean listening(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log).contains("Accepting connections");
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

    /**
     * Writes a Maven settings.xml whose one active proxy is this tinyproxy, with its user and password, readable by
     * the owner only (it holds the password); {@code nonProxyHosts} may be null.
     */
    public void writeSettings(Path file, String nonProxyHosts) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "<settings>\n  <proxies>\n    <proxy>\n      <id>it-tinyproxy</id>\n"
                + "      <active>true</active>\n      <protocol>http</protocol>\n      <host>127.0.0.1</host>\n"
                + "      <port>" + port + "</port>\n      <username>" + USER + "</username>\n"
                + "      <password>" + PASSWORD + "</password>\n"
                + (nonProxyHosts == null ? "" : "      <nonProxyHosts>" + nonProxyHosts + "</nonProxyHosts>\n")
                + "    </proxy>\n  </proxies>\n</settings>\n");
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
