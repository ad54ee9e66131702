package dev.ecrplugin.ecr;

import dev.ecrplugin.core.JsonText;
import dev.ecrplugin.core.OperationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.ecr.model.Attribute;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.thirdparty.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes a scan's findings as JSON in the shape of {@code aws ecr describe-image-scan-findings}' output with every
 * page merged: {@code registryId}, {@code repositoryName}, {@code imageId}, {@code imageScanStatus} and
 * {@code imageScanFindings} ({@code imageScanCompletedAt}, {@code vulnerabilitySourceUpdatedAt} as ISO-8601,
 * {@code findingSeverityCounts} counted over all findings, {@code findings}).
 */
final class ScanFindingsFile {

    private ScanFindingsFile() {}

    /** Writes {@code result} to {@code file} (its folders made), replacing an older one. */
    static void write(Path file, ScanService.Result result) {
        JsonWriter json = JsonText.writer(new DefaultPrettyPrinter()); // as jackson-databind's INDENT_OUTPUT
        json.writeStartObject();
        putIfSet(json, "registryId", result.registryId());
        json.writeFieldName("repositoryName").writeValue(result.repositoryName());
        json.writeFieldName("imageId").writeStartObject();
        putIfSet(json, "imageDigest", result.imageDigest());
        putIfSet(json, "imageTag", result.imageTag());
        json.writeEndObject();
        json.writeFieldName("imageScanStatus").writeStartObject();
        json.writeFieldName("status").writeValue(result.status());
        putIfSet(json, "description", result.statusDescription());
        json.writeEndObject();
        json.writeFieldName("imageScanFindings").writeStartObject();
        putIfSet(json, "imageScanCompletedAt", result.completedAt());
        putIfSet(json, "vulnerabilitySourceUpdatedAt", result.sourceUpdatedAt());
        json.writeFieldName("findingSeverityCounts").writeStartObject();
        for (Map.Entry<String, Integer> count : result.counts().entrySet()) {
            json.writeFieldName(count.getKey());
            if (count.getValue() == null) {
                json.writeNull();
            } else {
                json.writeValue(count.getValue().intValue());
            }
        }
        json.writeEndObject();
        json.writeFieldName("findings").writeStartArray();
        for (ImageScanFinding finding : result.findings()) {
            json.writeStartObject();
            putIfSet(json, "name", finding.name());
            putIfSet(json, "description", finding.description());
            putIfSet(json, "uri", finding.uri());
            putIfSet(json, "severity", finding.severityAsString());
            json.writeFieldName("attributes").writeStartArray();
            for (Attribute a : finding.attributes()) {
                json.writeStartObject();
                json.writeFieldName("key").writeValue(a.key());
                putIfSet(json, "value", a.value());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject(); // imageScanFindings
        json.writeEndObject();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JsonText.text(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OperationFailedException("Could not write the scan findings to " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static void putIfSet(JsonWriter json, String name, String value) {
        if (value != null) {
            json.writeFieldName(name).writeValue(value);
        }
    }

    private static void putIfSet(JsonWriter json, String name, Instant value) {
        if (value != null) {
            json.writeFieldName(name).writeValue(value.toString());
        }
    }
}
