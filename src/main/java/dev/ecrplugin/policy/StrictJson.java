package dev.ecrplugin.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ecrplugin.core.InvalidInputException;

/**
 * Reads the JSON documents users write (policies, lifecycle policies) strictly: a duplicate key or text after the
 * document is an error, as AWS treats them, and a syntax error names the line and column.
 */
final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {}

    /**
     * The parsed document; throws {@link InvalidInputException} naming {@code origin}, the place of a syntax error
     * and, for an empty text, {@code whatToWrite} (e.g. "the policy as a JSON object with ...").
     */
    static JsonNode read(String text, String origin, String whatToWrite) {
        try {
            JsonNode json = MAPPER.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw new InvalidInputException(origin + " is empty: write " + whatToWrite);
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new InvalidInputException(origin + " is not valid JSON" + where + ": " + reason
                    + ". Fix the JSON syntax there");
        }
    }

    /** The parsed document, or null when {@code text} is null or not valid JSON (text AWS returned). */
    static JsonNode tryRead(String text) {
        try {
            return text == null ? null : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
