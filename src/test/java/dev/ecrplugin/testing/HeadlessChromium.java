package dev.ecrplugin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, driven over the DevTools protocol (a WebSocket, {@link java.net.http}): load a
 * page, evaluate JavaScript in it as rendered (layout and CSS applied: {@code innerText} is what a reader sees), take
 * a screenshot. No network: pages are {@code file:} URLs. One instance per test class; {@link #close()} ends the
 * process it started and deletes its profile directory.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The chromium executable: {@code $CHROMIUM}, else {@code chromium} on the PATH; none fails with the fix. */
    public static Path executable() {
        String named = System.getenv("CHROMIUM");
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("CHROMIUM=" + named + " is not an executable file");
            }
            return path;
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "chromium")).filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The site test renders the goal pages in headless"
                        + " Chromium, and no 'chromium' is on the PATH: install Debian's package (as root: apt-get"
                        + " install -y chromium; stack/ecr-stack up installs it), or set CHROMIUM to its path"));
    }

    /** Starts chromium with a window (viewport) of {@code width} x {@code height} CSS pixels. */
    public static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("ecr-site-chromium");
        Process process = new ProcessBuilder(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--hide-scrollbars", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = port(process, profile);
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            String page = pageSocket(http, port);
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(page), listener)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
            listener.owner = chromium;
            chromium.call("Page.enable", JSON.createObjectNode());
            return chromium;
        } catch (Exception e) {
            stop(process);
            deleteTree(profile);
            throw new IllegalStateException("headless chromium did not start: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""), e);
        }
    }

    /** Loads {@code file} and waits for its load event. */
    public void open(File file) throws Exception {
        events.clear();
        ObjectNode params = JSON.createObjectNode().put("url", file.toURI().toString());
        JsonNode result = call("Page.navigate", params);
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("chromium could not open " + file + ": " + result.get("errorText"));
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IllegalStateException("chromium did not finish loading " + file + " in " + TIMEOUT);
            }
            if (event.equals("Page.loadEventFired")) {
                return;
            }
        }
    }

    /** Evaluates {@code expression} in the page; its value as JSON (objects and arrays by value). */
    public JsonNode eval(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed in the page: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the whole page (beyond the window's height too), written to {@code target}. */
    public void screenshot(Path target) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        JsonNode size = eval("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})");
        params.putObject("clip").put("x", 0).put("y", 0).put("width", size.path("w").asInt())
                .put("height", size.path("h").asInt()).put("scale", 1);
        JsonNode result = call("Page.captureScreenshot", params);
        Files.createDirectories(target.getParent());
        Files.write(target, Base64.getDecoder().decode(result.path("data").asText()));
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException("chromium refused " + method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
            } else if (message.has("method")) {
                events.add(message.get("method").asText());
            }
        } catch (IOException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    /** The DevTools port chromium picked, from the DevToolsActivePort file it writes into its profile. */
    private static int port(Process process, Path profile) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(profile.resolve("chromium.log")).strip());
            }
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromium wrote no DevToolsActivePort in " + TIMEOUT);
    }

    /** The WebSocket URL of the one page (about:blank) chromium opened. */
    private static String pageSocket(HttpClient http, int port) throws IOException, InterruptedException {
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(TIMEOUT).build();
        JsonNode targets = JSON.readTree(http.send(list, HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("webSocketDebuggerUrl").asText();
            }
        }
        throw new IllegalStateException("chromium lists no page: " + targets);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.abort();
        stop(process);
        deleteTree(profile);
    }

    /** The browser and every process it started (zygote, renderers), which outlive a killed parent otherwise. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile directory left in /tmp is no test result
        }
    }

    /** Assembles text frames into messages for {@link #received}. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                HeadlessChromium target = owner;
                if (target != null) {
                    target.received(text);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
