package dev.ecrplugin.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the AWS SSO portal's GetRoleCredentials ({@code GET /federation/credentials}), which moto does not
 * serve: it answers only a request bearing the expected SSO access token (header {@code x-amz-sso_bearer_token}),
 * with the given keys, and counts the requests it accepted in {@code dir/accepted}. Everything else gets 401.
 */
public final class FakeSsoPortal implements AutoCloseable {

    private final HttpServer server;

    private FakeSsoPortal(HttpServer server) {
        this.server = server;
    }

    public static FakeSsoPortal start(Path dir, String expectedToken, String accessKeyId, String secretKey)
            throws IOException {
        Files.createDirectories(dir);
        AtomicInteger accepted = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/federation/credentials", exchange -> {
            boolean ok = expectedToken.equals(exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token"));
            byte[] body = (ok
                    ? "{\"roleCredentials\":{\"accessKeyId\":\"" + accessKeyId + "\",\"secretAccessKey\":\""
                            + secretKey + "\",\"sessionToken\":\"sso-session-token\",\"expiration\":"
                            + (System.currentTimeMillis() + 3_600_000L) + "}}"
                    : "{\"message\":\"Session token not found or invalid\"}").getBytes(StandardCharsets.UTF_8);
            if (ok) {
                Files.writeString(dir.resolve("accepted"), Integer.toString(accepted.incrementAndGet()));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (!ok) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "UnauthorizedException");
            }
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        FakeSsoPortal portal = new FakeSsoPortal(server);
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close));
        return portal;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
