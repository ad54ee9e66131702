package dev.ecrplugin.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a lifecycle policy from the POM's parameters, and comparing it with what ECR stores, parsed. */
class LifecyclePolicyTest {

    private static final String UNTAGGED = "{\"rulePriority\": 1, \"description\": \"untagged\", \"selection\": "
            + "{\"tagStatus\": \"untagged\", \"countType\": \"sinceImagePushed\", \"countUnit\": \"days\", "
            + "\"countNumber\": 14}, \"action\": {\"type\": \"expire\"}}";
    private static final String RELEASES = "{\"rulePriority\": 2, \"selection\": {\"tagStatus\": \"tagged\", "
            + "\"tagPrefixList\": [\"v\", \"release\"], \"countType\": \"imageCountMoreThan\", \"countNumber\": 5}, "
            + "\"action\": {\"type\": \"expire\"}}";

    private static LifecyclePolicy inline(String json) {
        return LifecyclePolicy.parse(PolicyText.inline(PolicyKind.LIFECYCLE, json));
    }

    @Test
    void theSameRulesWrittenOtherwiseAreNoDifference() {
        LifecyclePolicy policy = inline("{\"rules\": [" + UNTAGGED + ", " + RELEASES + "]}");
        // ECR may return the rules by priority, members in another order, a tag list re-ordered, the default
        // storage class spelled out, a whole number as 14.0
        String stored = "{\"rules\":[{\"action\":{\"type\":\"expire\"},\"selection\":{\"countNumber\":5,"
                + "\"countType\":\"imageCountMoreThan\",\"tagPrefixList\":[\"release\",\"v\"],\"tagStatus\":\"tagged\","
                + "\"storageClass\":\"standard\"},\"rulePriority\":2},{\"rulePriority\":1.0,\"description\":\"untagged\","
                + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\","
                + "\"countNumber\":14.0},\"action\":{\"type\":\"expire\"}}]}";
        assertEquals(List.of(), policy.differencesFrom(stored));
        assertEquals(List.of(), policy.differencesFrom(policy.compactText()));
    }

    @Test
    void eachRuleThatMeansSomethingElseIsNamedByPriority() {
        LifecyclePolicy policy = inline("{\"rules\": [" + UNTAGGED + ", " + RELEASES + "]}");
        String stored = "{\"rules\": [" + UNTAGGED.replace("14", "30") + ", "
                + RELEASES.replace("\"rulePriority\": 2", "\"rulePriority\": 3") + "]}";
        assertEquals(List.of("rule 1 changed", "rule 2 added", "rule 3 removed"), policy.differencesFrom(stored));
        assertEquals(List.of("rule 1 changed"), policy.differencesFrom("{\"rules\": ["
                + UNTAGGED.replace("\"untagged\", \"selection\"", "\"old\", \"selection\"") + ", " + RELEASES + "]}"),
                "a description is part of the policy");
        assertEquals(List.of("the stored policy is not a lifecycle policy"), policy.differencesFrom("not json"));
    }

    @Test
    void sentCompactInTheOrderGiven() {
        LifecyclePolicy policy = inline("{\n  \"rules\": [\n    " + RELEASES + ",\n    " + UNTAGGED + "\n  ]\n}\n");
        assertTrue(policy.compactText().startsWith("{\"rules\":[{\"rulePriority\":2,"), policy.compactText());
    }

    @Test
    void wholeNumbersCompareByValueHoweverWritten() {
        LifecyclePolicy policy = inline("{\"rules\": [" + UNTAGGED + "]}");
        for (String same : List.of("14.0", "1.4e1", "140E-1", "14.000")) {
            assertEquals(List.of(), policy.differencesFrom("{\"rules\": [" + UNTAGGED.replace("14", same) + "]}"),
                    same);
        }
        for (String other : List.of("14.5", "15", "\"14\"", "1.41e1")) {
            assertEquals(List.of("rule 1 changed"),
                    policy.differencesFrom("{\"rules\": [" + UNTAGGED.replace("14", other) + "]}"), other);
        }
        assertEquals(List.of(), policy.differencesFrom("{\"rules\": [" + UNTAGGED.replace("\"rulePriority\": 1",
                "\"rulePriority\": 1.0") + "]}"), "the stored rule's priority read as a number too");
    }

    @Test
    void sentAsJsonWithEveryCharacterEscaped() {
        LifecyclePolicy policy = inline("{\"rules\": [" + UNTAGGED.replace("\"untagged\", \"selection\"",
                "\"say \\\"no\\\" \\\\ to\\nold\", \"selection\"") + "]}");
        assertTrue(policy.compactText().contains("\"description\":\"say \\\"no\\\" \\\\ to\\nold\","),
                policy.compactText());
        assertEquals(List.of(), policy.differencesFrom(policy.compactText()));
    }

    @Test
    void loadedFromTheFileOrInlineOrNotAtAll(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lifecycle.json"), "{\"rules\": [" + UNTAGGED + "]}");
        LifecyclePolicy fromFile = LifecyclePolicy.load(dir, "lifecycle.json", null).orElseThrow();
        assertEquals("<lifecyclePolicyFile> 'lifecycle.json'", fromFile.source().origin());
        assertEquals("<lifecyclePolicyDocument>", LifecyclePolicy.load(dir, " ", "{\"rules\": [" + UNTAGGED + "]}")
                .orElseThrow().source().origin());
        assertTrue(LifecyclePolicy.load(dir, null, " ").isEmpty(), "neither: the lifecycle policy is not managed");
        InvalidInputException both = assertThrows(InvalidInputException.class,
                () -> LifecyclePolicy.load(dir, "lifecycle.json", "{}"));
        assertEquals("<lifecyclePolicyFile> and <lifecyclePolicyDocument> are both set: give the lifecycle policy "
                + "either as a file (<lifecyclePolicyFile> or -Decr.lifecyclePolicyFile) or inline "
                + "(<lifecyclePolicyDocument>), not both", both.getMessage());
    }
}
