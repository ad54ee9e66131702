package dev.ecrplugin.policy;

import static dev.ecrplugin.core.JsonText.compact;
import static dev.ecrplugin.core.JsonText.member;
import static dev.ecrplugin.policy.JsonValues.asList;

import dev.ecrplugin.core.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A policy document checked against the grammar IAM and ECR enforce (the parts that users get wrong), so that a
 * mistake is reported with the POM parameter and the fix before any AWS call. Compare documents with
 * {@link #equivalent(String, String)}: AWS re-formats and re-orders what it stores.
 *
 * @param source where the text came from
 * @param json   the parsed document
 */
public record PolicyDocument(PolicyText source, JsonNode json) {

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    /** Statement members whose value may be one string or a list, where IAM ignores the order of the list. */
    private static final Set<String> LISTS = Set.of("Action", "NotAction", "Resource", "NotResource");

    /** Parses and checks {@code source}; throws {@link InvalidInputException} naming the parameter and the fix. */
    public static PolicyDocument parse(PolicyText source) {
        JsonNode json = readJson(source.text(), source.origin());
        new Checker(source).check(json);
        return new PolicyDocument(source, json);
    }

    /** This document with the placeholders replaced (the values asked of {@code placeholders} only if used). */
    public PolicyDocument resolve(Placeholders placeholders) {
        String text = placeholders.replace(source.text(), source.origin());
        PolicyText resolved = new PolicyText(source.kind(), source.origin(), text);
        return new PolicyDocument(resolved, readJson(text, source.origin()));
    }

    /** The compact JSON text to send to AWS. */
    public String compactText() {
        return compact(json);
    }

    /** True when {@code other} (JSON as AWS returns it; URL-encoded or not) means the same as this document. */
    public boolean sameAs(String other) {
        return equivalent(compactText(), other);
    }

    /**
     * True when two documents mean the same: equal as parsed JSON after decoding URL-encoded text (IAM returns
     * documents that way), reading a single string and a one-element list alike for Action, NotAction, Resource,
     * NotResource, principals and condition values, and ignoring the order of statements and of those lists.
     */
    public static boolean equivalent(String a, String b) {
        JsonNode left = tryRead(decode(a));
        JsonNode right = tryRead(decode(b));
        return left != null && right != null && normalize(left).equals(normalize(right));
    }

    /** IAM's URL-encoded text decoded; text that already is JSON is returned as it is. */
    public static String decode(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            return trimmed;
        }
        try {
            return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    /**
     * The document as plain values ({@link JsonValues#of(JsonNode)}) with its statements as a multiset (each
     * normalized statement to how often it occurs), so that neither their order nor the order of their members counts.
     */
    static Object normalize(JsonNode document) {
        if (!document.isObject()) {
            return JsonValues.of(document);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        document.asObject().forEach((name, value) -> doc.put(name, JsonValues.of(value)));
        JsonNode statements = member(document, "Statement");
        if (statements == null) {
            return doc;
        }
        Map<Object, Integer> counted = new HashMap<>();
        asList(statements).forEach(s -> counted.merge(normalizeStatement(s), 1, Integer::sum));
        doc.put("Statement", counted);
        return doc;
    }

    private static Object normalizeStatement(JsonNode statement) {
        if (!statement.isObject()) {
            return JsonValues.of(statement);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        statement.asObject().forEach((name, value) -> s.put(name, JsonValues.of(value)));
        for (String member : LISTS) {
            JsonNode value = member(statement, member);
            if (value != null) {
                s.put(member, sortedList(value));
            }
        }
        for (String member : List.of("Principal", "NotPrincipal", "Condition")) {
            JsonNode value = member(statement, member);
            if (value != null && value.isObject()) {
                s.put(member, normalizeMap(value, member.equals("Condition")));
            }
        }
        return s;
    }

    private static Object normalizeMap(JsonNode map, boolean nested) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.asObject().forEach((name, v) -> out.put(name, nested && v.isObject() ? normalizeMap(v, false)
                : sortedList(v)));
        return out;
    }

    private static Object sortedList(JsonNode value) {
        if (value.isObject()) {
            return JsonValues.of(value);
        }
        TreeSet<String> items = new TreeSet<>();
        List<Object> others = new ArrayList<>();
        asList(value).forEach(v -> {
            if (v.isString()) {
                items.add(v.asString());
            } else {
                others.add(JsonValues.of(v));
            }
        });
        List<Object> out = new ArrayList<>(items);
        out.addAll(others);
        return out;
    }

    private static JsonNode tryRead(String text) {
        return StrictJson.tryRead(text);
    }

    private static JsonNode readJson(String text, String origin) {
        return StrictJson.read(text, origin, "the policy as a JSON object with \"Version\" and \"Statement\"");
    }

    /** The grammar checks, in the order IAM applies them. */
    private record Checker(PolicyText source) {

        void check(JsonNode json) {
            if (!json.isObject()) {
                throw fail("is not a JSON object: write the policy as {\"Version\": \"2012-10-17\", \"Statement\": [...]}");
            }
            JsonNode version = member(json, "Version");
            if (version == null) {
                throw fail("has no \"Version\": add \"Version\": \"2012-10-17\"");
            }
            if (!version.isString() || !VERSIONS.contains(version.asString())) {
                throw fail("has \"Version\": " + compact(version) + ", which AWS does not accept: write "
                        + "\"Version\": \"2012-10-17\" (or the older \"2008-10-17\")");
            }
            JsonNode statements = member(json, "Statement");
            if (statements == null) {
                throw fail("has no \"Statement\": add a \"Statement\" object, or an array of them, each with "
                        + "\"Effect\" and \"Action\"");
            }
            if (!statements.isObject() && !statements.isArray()) {
                throw fail("has a \"Statement\" that is neither an object nor an array of objects: write "
                        + "\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [...], ...}]");
            }
            if (statements.isArray() && statements.asArray().isEmpty()) {
                throw fail("has an empty \"Statement\" array: add at least one statement");
            }
            int index = 0;
            for (JsonNode statement : asList(statements)) {
                checkStatement(statement, ++index);
            }
        }

        private void checkStatement(JsonNode statement, int index) {
            String name = "statement " + index;
            if (!statement.isObject()) {
                throw fail("has " + name + " that is not a JSON object: write each statement as {\"Effect\": ..., "
                        + "\"Action\": ...}");
            }
            JsonNode sid = member(statement, "Sid");
            if (sid != null && sid.isString()) {
                name = "statement " + index + " (\"" + sid.asString() + "\")";
            }
            JsonNode effect = member(statement, "Effect");
            if (effect == null) {
                throw fail(name + " has no \"Effect\": add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"");
            }
            if (!effect.isString() || !effect.asString().matches("Allow|Deny")) {
                throw fail(name + " has \"Effect\": " + compact(effect) + ": write \"Allow\" or \"Deny\" (exactly "
                        + "so)");
            }
            JsonNode action = member(statement, "Action");
            JsonNode notAction = member(statement, "NotAction");
            if (action == null && notAction == null) {
                throw fail(name + " has neither \"Action\" nor \"NotAction\": list the actions it "
                        + (effect.asString().equals("Allow") ? "allows" : "denies")
                        + ", e.g. \"Action\": [\"ecr:GetAuthorizationToken\"]");
            }
            if (action != null && notAction != null) {
                throw fail(name + " has both \"Action\" and \"NotAction\": keep one of them");
            }
            checkActions(name, action != null ? "Action" : "NotAction", action != null ? action : notAction);
            boolean hasPrincipal = member(statement, "Principal") != null
                    || member(statement, "NotPrincipal") != null;
            if (source.kind() == PolicyKind.REPOSITORY && !hasPrincipal) {
                throw fail(name + " has no \"Principal\": a repository policy says who may act, e.g. "
                        + "\"Principal\": {\"AWS\": \"arn:aws:iam::${aws.accountId}:user/usr1\"}");
            }
            if (source.kind() == PolicyKind.IDENTITY && hasPrincipal) {
                throw fail(name + " has a \"Principal\", which an IAM policy must not have (it applies to whom it "
                        + "is attached to): remove it, or use it as a repository policy (<repositoryPolicyFile>)");
            }
        }

        private void checkActions(String statement, String member, JsonNode actions) {
            List<JsonNode> list = asList(actions);
            if (list.isEmpty()) {
                throw fail(statement + " has an empty \"" + member + "\": list at least one action");
            }
            for (JsonNode a : list) {
                if (!a.isString()) {
                    throw fail(statement + " has " + compact(a) + " in \"" + member + "\": actions are strings like "
                            + "\"ecr:GetAuthorizationToken\"");
                }
                String action = a.asString();
                if (action.equals("*")) {
                    continue;
                }
                int colon = action.indexOf(':');
                if (colon <= 0 || colon != action.lastIndexOf(':')) {
                    throw fail(statement + " has the action \"" + action + "\", which is not service:Action: write "
                            + "it like \"ecr:GetAuthorizationToken\"");
                }
                String service = action.substring(0, colon);
                String operation = action.substring(colon + 1);
                if (service.equalsIgnoreCase("ecr") && !EcrActions.matchesKnown(operation)) {
                    String hint = EcrActions.closest(operation).map(c -> ": did you mean ecr:" + c + "?")
                            .orElse(": see the ECR actions in the AWS Service Authorization Reference");
                    throw fail(statement + " has the unknown action \"" + action + "\"" + hint);
                }
            }
        }

        private InvalidInputException fail(String problem) {
            return new InvalidInputException(source.origin() + " " + problem);
        }
    }
}
