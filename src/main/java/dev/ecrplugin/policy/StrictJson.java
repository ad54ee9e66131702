package dev.ecrplugin.policy;

import dev.ecrplugin.core.InvalidInputException;
import java.io.IOException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonLocation;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * Reads the JSON documents users write (policies, lifecycle policies) strictly: a duplicate key or text after the
 * document is an error, as AWS treats them, and a syntax error names the line and column.
 */
final class StrictJson {

    /** Plain JSON (no comments, unlike the SDK's default factory), a key twice in an object an error. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeParser PARSER = JsonNodeParser.builder().jsonFactory(FACTORY).build();

    private StrictJson() {}

    /**
     * The parsed document; throws {@link InvalidInputException} naming {@code origin}, the place of a syntax error
     * and, for an empty text, {@code whatToWrite} (e.g. "the policy as a JSON object with ...").
     */
    static JsonNode read(String text, String origin, String whatToWrite) {
        try {
            if (!check(text)) {
                throw new InvalidInputException(origin + " is empty: write " + whatToWrite);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new InvalidInputException(origin + " is not valid JSON" + where + ": " + reason
                    + ". Fix the JSON syntax there");
        }
        return PARSER.parse(text);
    }

    /** The parsed document, or null when {@code text} is null, empty or not valid JSON (text AWS returned). */
    static JsonNode tryRead(String text) {
        try {
            return text != null && check(text) ? PARSER.parse(text) : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Reads {@code text} through, as the SDK's parser then builds it (which stops after the document): false when it
     * holds no document; throws on a syntax error, a duplicate key, or anything after the document.
     */
    private static boolean check(String text) throws JsonProcessingException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new JsonParseException(parser, "Trailing token (of type " + after + ") found after the "
                        + "document: write one JSON value only", parser.currentTokenLocation());
            }
            return true;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) { // a String source has no I/O to fail
            throw new IllegalStateException(e);
        }
    }
}
