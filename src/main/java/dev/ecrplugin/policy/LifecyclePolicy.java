package dev.ecrplugin.policy;

import static dev.ecrplugin.core.JsonText.member;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.JsonText;
import dev.ecrplugin.core.Strings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * An ECR lifecycle policy as the POM gives it ({@code lifecyclePolicyFile} or {@code lifecyclePolicyDocument}),
 * checked by {@link LifecyclePolicyCheck} before any AWS call. Compare it with what ECR stores through
 * {@link #differencesFrom(String)}: ECR may re-order the rules by priority and the order of a tag list means nothing.
 *
 * @param source where the text came from
 * @param json   the parsed policy
 */
public record LifecyclePolicy(PolicyText source, JsonNode json) {

    /** The longest lifecycle policy text ECR accepts (PutLifecyclePolicy's lifecyclePolicyText, ECR API model). */
    public static final int MAX_LENGTH = 30720;

    /** The policy the POM gives, or empty when it gives none; both parameters set is an error naming them. */
    public static Optional<LifecyclePolicy> load(Path basedir, String file, String inline) {
        if (Strings.trimToNull(file) == null && Strings.trimToNull(inline) == null) {
            return Optional.empty();
        }
        return Optional.of(parse(PolicyText.load(PolicyKind.LIFECYCLE, basedir, file, inline)));
    }

    /** Parses and checks {@code source}; throws {@link InvalidInputException} naming the parameter and the fix. */
    public static LifecyclePolicy parse(PolicyText source) {
        JsonNode json = StrictJson.read(source.text(), source.origin(),
                "the lifecycle policy as a JSON object: {\"rules\": [...]}");
        LifecyclePolicyCheck.check(json, source.origin());
        LifecyclePolicy policy = new LifecyclePolicy(source, json);
        int length = policy.compactText().length();
        if (length > MAX_LENGTH) {
            throw new InvalidInputException(source.origin() + " is " + length + " characters long as compact JSON; "
                    + "ECR accepts at most " + MAX_LENGTH + ": merge rules or shorten their descriptions");
        }
        return policy;
    }

    /** The compact JSON text to send to ECR (the rules in the order given). */
    public String compactText() {
        return JsonText.compact(json);
    }

    /**
     * What ECR would change if this policy replaced {@code stored} (the text GetLifecyclePolicy returned), one entry
     * per rule ({@code "rule 2 added"}, {@code "rule 1 changed"}, {@code "rule 3 removed"}, by rulePriority); empty
     * when both mean the same.
     */
    public List<String> differencesFrom(String stored) {
        JsonNode current = StrictJson.tryRead(stored);
        JsonNode rules = current == null ? null : member(current, "rules");
        if (rules == null || !rules.isArray()) {
            return List.of("the stored policy is not a lifecycle policy");
        }
        Map<Long, Object> wanted = rulesByPriority(json);
        Map<Long, Object> have = rulesByPriority(current);
        TreeSet<Long> priorities = new TreeSet<>(wanted.keySet());
        priorities.addAll(have.keySet());
        List<String> differences = new ArrayList<>();
        for (Long priority : priorities) {
            Object w = wanted.get(priority);
            Object h = have.get(priority);
            if (h == null) {
                differences.add("rule " + priority + " added");
            } else if (w == null) {
                differences.add("rule " + priority + " removed");
            } else if (!w.equals(h)) {
                differences.add("rule " + priority + " changed");
            }
        }
        return differences;
    }

    /** The rules by rulePriority, each normalized (see {@link #normalize(JsonNode)}). */
    private static Map<Long, Object> rulesByPriority(JsonNode policy) {
        Map<Long, Object> rules = new TreeMap<>();
        long unnamed = Long.MIN_VALUE; // a stored rule without a priority (ECR would not keep one) still differs
        for (JsonNode rule : member(policy, "rules").asArray()) {
            JsonNode priority = member(rule, "rulePriority");
            rules.put(priority != null && priority.isNumber() ? new BigDecimal(priority.asNumber()).longValue()
                    : unnamed++, normalize(rule));
        }
        return rules;
    }

    /**
     * A rule as plain values ({@link JsonValues}) with what does not change its meaning taken out: the order of
     * members (JSON objects), the order of {@code tagPrefixList}/{@code tagPatternList} (an image must match all of
     * them), {@code "storageClass": "standard"} (ECR's default), and how a whole number is written ({@code 14} or
     * {@code 14.0}).
     */
    static Object normalize(JsonNode node) {
        if (node.isNumber()) {
            return JsonValues.Num.whole(node.asNumber());
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.asArray().forEach(item -> out.add(normalize(item)));
            return out;
        }
        if (!node.isObject()) {
            return JsonValues.of(node);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        node.asObject().forEach((name, value) -> {
            if (name.equals("storageClass") && value.isString() && value.asString().equals("standard")) {
                return;
            }
            if ((name.equals("tagPrefixList") || name.equals("tagPatternList")) && value.isArray()) {
                TreeSet<String> sorted = new TreeSet<>();
                value.asArray().forEach(tag -> sorted.add(JsonText.asText(tag)));
                out.put(name, new ArrayList<>(sorted));
                return;
            }
            out.put(name, normalize(value));
        });
        return out;
    }
}
