package dev.ecrplugin.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One local URL that answers as the SSO portal (GetRoleCredentials, only for the expected bearer token) and as
 * SSO-OIDC (CreateToken with a refresh token), for {@code <endpoint>}: moto serves neither. Records each request.
 */
final class FakeAwsEndpoint implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile String acceptedToken;

    FakeAwsEndpoint(String acceptedToken, String refreshedToken) throws IOException {
        this.acceptedToken = acceptedToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/federation/credentials", exchange -> {
            String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
            requests.add("GET /federation/credentials " + exchange.getRequestURI().getRawQuery() + " token="
                    + token);
            if (token != null && token.equals(this.acceptedToken)) {
                answer(exchange, 200, "{\"roleCredentials\":{\"accessKeyId\":\"ASIAFAKESSO\",\"secretAccessKey\":"
                        + "\"sso-secret\",\"sessionToken\":\"sso-session\",\"expiration\":"
                        + (System.currentTimeMillis() + 3_600_000L) + "}}", "");
            } else {
                answer(exchange, 401, "{\"message\":\"Session token not found or invalid\"}", "UnauthorizedException");
            }
        });
        server.createContext("/token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add("POST /token " + body);
            this.acceptedToken = refreshedToken;
            answer(exchange, 200, "{\"accessToken\":\"" + refreshedToken + "\",\"expiresIn\":3600,"
                    + "\"refreshToken\":\"refresh-2\",\"tokenType\":\"Bearer\"}", "");
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String json, String errorType) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (!errorType.isEmpty()) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
