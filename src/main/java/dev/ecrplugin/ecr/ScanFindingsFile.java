package dev.ecrplugin.ecr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecrplugin.core.OperationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.ecr.model.Attribute;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;

/**
 * Writes a scan's findings as JSON in the shape of {@code aws ecr describe-image-scan-findings}' output with every
 * page merged: {@code registryId}, {@code repositoryName}, {@code imageId}, {@code imageScanStatus} and
 * {@code imageScanFindings} ({@code imageScanCompletedAt}, {@code vulnerabilitySourceUpdatedAt} as ISO-8601,
 * {@code findingSeverityCounts} counted over all findings, {@code findings}).
 */
final class ScanFindingsFile {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ScanFindingsFile() {}

    /** Writes {@code result} to {@code file} (its folders made), replacing an older one. */
    static void write(Path file, ScanService.Result result) {
        ObjectNode root = JSON.createObjectNode();
        putIfSet(root, "registryId", result.registryId());
        root.put("repositoryName", result.repositoryName());
        ObjectNode imageId = root.putObject("imageId");
        putIfSet(imageId, "imageDigest", result.imageDigest());
        putIfSet(imageId, "imageTag", result.imageTag());
        ObjectNode status = root.putObject("imageScanStatus");
        status.put("status", result.status());
        putIfSet(status, "description", result.statusDescription());
        ObjectNode scan = root.putObject("imageScanFindings");
        putIfSet(scan, "imageScanCompletedAt", result.completedAt());
        putIfSet(scan, "vulnerabilitySourceUpdatedAt", result.sourceUpdatedAt());
        ObjectNode counts = scan.putObject("findingSeverityCounts");
        for (Map.Entry<String, Integer> count : result.counts().entrySet()) {
            counts.put(count.getKey(), count.getValue());
        }
        ArrayNode findings = scan.putArray("findings");
        for (ImageScanFinding finding : result.findings()) {
            ObjectNode f = findings.addObject();
            putIfSet(f, "name", finding.name());
            putIfSet(f, "description", finding.description());
            putIfSet(f, "uri", finding.uri());
            putIfSet(f, "severity", finding.severityAsString());
            ArrayNode attributes = f.putArray("attributes");
            for (Attribute a : finding.attributes()) {
                ObjectNode attribute = attributes.addObject().put("key", a.key());
                putIfSet(attribute, "value", a.value());
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OperationFailedException("Could not write the scan findings to " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putIfSet(ObjectNode node, String name, Instant value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }
}
