package dev.ecrplugin.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sets what moto's DescribeImageScanFindings answers for one image (moto 5.x: {@code POST
 * /moto-api/static/ecr/scan-finding-results}, its answer verbatim). moto matches it to the image by repository and
 * digest when the image is first asked about after StartImageScan, and keeps giving it for the same {@code imageId}.
 * A status other than COMPLETE (IN_PROGRESS) makes a scan that never completes.
 */
public final class MotoScanFindings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode answer = JSON.createObjectNode();
    private final ArrayNode findings;
    private final ObjectNode counts;

    private MotoScanFindings(String repository, String digest, String status, String description) {
        answer.put("registryId", LocalStack.ACCOUNT).put("repositoryName", repository);
        answer.putObject("imageId").put("imageDigest", digest);
        ObjectNode scanStatus = answer.putObject("imageScanStatus").put("status", status);
        if (description != null) {
            scanStatus.put("description", description);
        }
        ObjectNode scan = answer.putObject("imageScanFindings");
        counts = scan.putObject("findingSeverityCounts");
        findings = scan.putArray("findings");
    }

    /** The answer for the image {@code repository@digest}, with {@code status} (COMPLETE, IN_PROGRESS, FAILED). */
    public static MotoScanFindings forImage(String repository, String digest, String status, String description) {
        return new MotoScanFindings(repository, digest, status, description);
    }

    /** Adds a finding of a basic scan, with its package and version as ECR gives them (attributes). */
    public MotoScanFindings finding(String name, String severity, String packageName, String version, String uri) {
        ObjectNode f = findings.addObject().put("name", name).put("severity", severity).put("uri", uri)
                .put("description", name + " in " + packageName);
        ArrayNode attributes = f.putArray("attributes");
        attributes.addObject().put("key", "package_version").put("value", version);
        attributes.addObject().put("key", "package_name").put("value", packageName);
        attributes.addObject().put("key", "CVSS2_SCORE").put("value", "7.5");
        counts.put(severity, counts.path(severity).asInt() + 1);
        return this;
    }

    /** Hands the answer to moto for {@link LocalStack#REGION}. */
    public void seed() {
        ObjectNode body = JSON.createObjectNode().put("region", LocalStack.REGION);
        body.putArray("results").add(answer);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(LocalStack.endpoint() + "/moto-api/static/ecr/scan-finding-results"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("moto answered " + response.statusCode() + " to the scan findings: "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto at " + LocalStack.endpoint() + " did not take the scan findings", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
