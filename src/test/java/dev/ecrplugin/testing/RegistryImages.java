package dev.ecrplugin.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * For ITs: manifests of the stack's registry read and written through its HTTP API (TLS verified with the stack's CA,
 * the htpasswd login moto's token matches), with every manifest media type accepted: an image index is read as one.
 */
public final class RegistryImages {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String ACCEPT = String.join(", ", "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.manifest.v1+json",
            OCI_INDEX);

    /** A manifest as the registry stores it: its digest, media type and exact bytes. */
    public record Manifest(String digest, String mediaType, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private RegistryImages() {}

    /** The manifest under {@code repository:reference} (a tag or a digest), or null when the registry has none. */
    public static Manifest manifest(String repository, String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(request(repository, reference).header("Accept", ACCEPT).GET().build());
        if (response.statusCode() != 200) {
            return null;
        }
        return new Manifest(response.headers().firstValue("Docker-Content-Digest").orElseThrow(),
                response.headers().firstValue("Content-Type").orElseThrow(), response.body());
    }

    /**
     * Puts an OCI image index under {@code repository:tag} that lists, for each platform ("linux/amd64"), the image
     * manifest the registry holds under that tag of the same repository; its digest (of the bytes put).
     */
    public static String putIndex(String repository, String tag, Map<String, String> tagsByPlatform)
            throws IOException, InterruptedException {
        StringJoiner manifests = new StringJoiner(",");
        for (Map.Entry<String, String> entry : new LinkedHashMap<>(tagsByPlatform).entrySet()) {
            Manifest child = manifest(repository, entry.getValue());
            if (child == null) {
                throw new IllegalStateException("the registry holds no " + repository + ":" + entry.getValue());
            }
            String[] platform = entry.getKey().split("/");
            manifests.add("{\"mediaType\":\"" + child.mediaType() + "\",\"digest\":\"" + child.digest()
                    + "\",\"size\":" + child.bytes().length + ",\"platform\":{\"architecture\":\"" + platform[1]
                    + "\",\"os\":\"" + platform[0] + "\"}}");
        }
        // white space of its own: a client that re-serialised the index would change its digest
        byte[] index = ("{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"" + OCI_INDEX + "\",\n  \"manifests\": ["
                + manifests + "]\n}\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = send(request(repository, tag).header("Content-Type", OCI_INDEX)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(index)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the registry refused the index for " + repository + ":" + tag + ": HTTP "
                    + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return sha256(index);
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(String repository, String reference) {
        return HttpRequest.newBuilder(URI.create(LocalStack.registryUrl() + "/v2/" + repository + "/manifests/"
                        + reference)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("AWS:" + DockerImages.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newBuilder().sslContext(LocalStack.tls()).build().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
