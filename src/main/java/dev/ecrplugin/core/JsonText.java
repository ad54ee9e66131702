package dev.ecrplugin.core;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.PrettyPrinter;

/**
 * JSON text with the AWS SDK's own JSON classes (json-utils over its shaded jackson-core, which the SDK loads
 * anyway): reading into its {@link JsonNode}, and writing through its {@link JsonWriter}, never through
 * {@code JsonNode.toString()}, which does not escape all that JSON must.
 */
public final class JsonText {

    /** Plain JSON as RFC 8259 has it (the SDK's default factory also accepts comments). */
    private static final JsonFactory PLAIN = JsonFactory.builder().build();
    private static final JsonNodeParser PARSER = JsonNodeParser.builder().jsonFactory(PLAIN).build();

    private JsonText() {}

    /**
     * The parsed document, or null for a text without any ({@code ""}); text after the document is not read.
     *
     * @throws UncheckedIOException (the SDK's wrapping of the parser's exception) when it is not JSON
     */
    public static JsonNode parse(String text) {
        return PARSER.parse(text);
    }

    /** A writer of compact JSON ({@code printer} null) or pretty-printed JSON (a new printer for each writer). */
    public static JsonWriter writer(PrettyPrinter printer) {
        if (printer == null) {
            return JsonWriter.builder().jsonFactory(PLAIN).build();
        }
        return JsonWriter.builder().jsonGeneratorFactory(out -> PLAIN.createGenerator(out).setPrettyPrinter(printer))
                .build();
    }

    /** What {@code writer} wrote (closing it). */
    public static String text(JsonWriter writer) {
        return new String(writer.getBytes(), StandardCharsets.UTF_8);
    }

    /** {@code node} as compact JSON text (numbers as they were written). */
    public static String compact(JsonNode node) {
        JsonWriter writer = writer(null);
        write(writer, node);
        return text(writer);
    }

    /** Writes {@code node} to {@code writer}. */
    public static void write(JsonWriter writer, JsonNode node) {
        if (node.isObject()) {
            writer.writeStartObject();
            for (Map.Entry<String, JsonNode> member : node.asObject().entrySet()) {
                writer.writeFieldName(member.getKey());
                write(writer, member.getValue());
            }
            writer.writeEndObject();
        } else if (node.isArray()) {
            writer.writeStartArray();
            node.asArray().forEach(item -> write(writer, item));
            writer.writeEndArray();
        } else if (node.isString()) {
            writer.writeValue(node.asString());
        } else if (node.isNumber()) {
            writer.writeNumber(node.asNumber());
        } else if (node.isBoolean()) {
            writer.writeValue(node.asBoolean());
        } else {
            writer.writeNull();
        }
    }

    /** The member {@code name} of {@code object}, or null when it has none, is no object, or is null itself. */
    public static JsonNode member(JsonNode object, String name) {
        return object == null ? null : object.field(name).orElse(null);
    }

    /** A string's value, a number's or boolean's text, and "" for anything else or no node at all. */
    public static String asText(JsonNode node) {
        if (node == null || node.isObject() || node.isArray() || node.isNull()) {
            return "";
        }
        return node.isString() ? node.asString() : node.text();
    }
}
