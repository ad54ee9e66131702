package dev.ecrplugin.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One URL for {@code <endpoint>} that serves what LocalStack would at one address: the SSO portal's
 * GetRoleCredentials ({@code GET /federation/credentials}, which moto lacks), answered only for the expected
 * bearer token with the given temporary credentials (counted in {@code dir/accepted}), and every other connection
 * passed to moto byte for byte (a signed request must reach moto exactly as signed, Host header included). For the
 * SSO ITs: the plugin's own SSO client goes to {@code <endpoint>} like its ECR client.
 */
public final class SsoFront implements AutoCloseable {

    private final ServerSocket server;

    private SsoFront(ServerSocket server) {
        this.server = server;
    }

    public static SsoFront start(Path dir, String moto, String expectedToken, String accessKeyId, String secretKey,
            String sessionToken) throws IOException {
        Files.createDirectories(dir);
        URI motoUri = URI.create(moto);
        AtomicInteger accepted = new AtomicInteger();
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SsoFront front = new SsoFront(server);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread t = new Thread(() -> serve(client, motoUri, dir, accepted, expectedToken, accessKeyId,
                            secretKey, sessionToken));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "sso-front");
        acceptor.setDaemon(true);
        acceptor.start();
        Runtime.getRuntime().addShutdownHook(new Thread(front::close));
        return front;
    }

    private static void serve(Socket client, URI moto, Path dir, AtomicInteger accepted, String expectedToken,
            String accessKeyId, String secretKey, String sessionToken) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (text.startsWith("GET /federation/credentials")) {
                boolean ok = text.toLowerCase(Locale.ROOT).contains("x-amz-sso_bearer_token: "
                        + expectedToken.toLowerCase(Locale.ROOT) + "\r\n");
                if (ok) {
                    Files.writeString(dir.resolve("accepted"), Integer.toString(accepted.incrementAndGet()));
                }
                byte[] body = (ok ? "{\"roleCredentials\":{\"accessKeyId\":\"" + accessKeyId + "\",\"secretAccessKey\":\""
                        + secretKey + "\",\"sessionToken\":\"" + sessionToken + "\",\"expiration\":"
                        + (System.currentTimeMillis() + 3_600_000L) + "}}"
                        : "{\"message\":\"Session token not found or invalid\"}").getBytes(StandardCharsets.UTF_8);
                String status = ok ? "200 OK" : "401 Unauthorized\r\nx-amzn-ErrorType: UnauthorizedException";
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return;
            }
            try (Socket upstream = new Socket(moto.getHost(), moto.getPort())) {
                upstream.getOutputStream().write(head);
                Thread up = new Thread(() -> pipe(in, upstream));
                up.setDaemon(true);
                up.start();
                upstream.getInputStream().transferTo(client.getOutputStream());
            }
        } catch (IOException e) {
            // the client or moto closed: nothing to answer
        }
    }

    private static void pipe(InputStream in, Socket upstream) {
        try {
            in.transferTo(upstream.getOutputStream());
            upstream.shutdownOutput();
        } catch (IOException e) {
            // closed
        }
    }

    /** The request line and headers, up to and including the blank line. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toByteArray();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }
}
