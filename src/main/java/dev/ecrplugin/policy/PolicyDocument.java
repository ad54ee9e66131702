package dev.ecrplugin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecrplugin.core.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        return json.toString();
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

    static JsonNode normalize(JsonNode document) {
        ObjectNode doc = document.deepCopy();
        JsonNode statements = doc.get("Statement");
        if (statements == null) {
            return doc;
        }
        List<JsonNode> list = new ArrayList<>();
        (statements.isArray() ? statements : JsonNodeFactory.instance.arrayNode().add(statements))
                .forEach(s -> list.add(normalizeStatement(s)));
        list.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode sorted = doc.putArray("Statement");
        list.forEach(sorted::add);
        return doc;
    }

    private static JsonNode normalizeStatement(JsonNode statement) {
        if (!statement.isObject()) {
            return statement;
        }
        ObjectNode s = statement.deepCopy();
        for (String member : LISTS) {
            if (s.has(member)) {
                s.set(member, sortedList(s.get(member)));
            }
        }
        for (String member : List.of("Principal", "NotPrincipal", "Condition")) {
            JsonNode value = s.get(member);
            if (value != null && value.isObject()) {
                s.set(member, normalizeMap(value, member.equals("Condition")));
            }
        }
        return s;
    }

    private static JsonNode normalizeMap(JsonNode map, boolean nested) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            out.set(e.getKey(), nested && v.isObject() ? normalizeMap(v, false) : sortedList(v));
        }
        return out;
    }

    private static JsonNode sortedList(JsonNode value) {
        if (!value.isArray() && !value.isValueNode()) {
            return value;
        }
        TreeSet<String> items = new TreeSet<>();
        List<JsonNode> others = new ArrayList<>();
        (value.isArray() ? value : JsonNodeFactory.instance.arrayNode().add(value)).forEach(v -> {
            if (v.isTextual()) {
                items.add(v.asText());
            } else {
                others.add(v);
            }
        });
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        items.forEach(out::add);
        others.forEach(out::add);
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
            JsonNode version = json.get("Version");
            if (version == null) {
                throw fail("has no \"Version\": add \"Version\": \"2012-10-17\"");
            }
            if (!version.isTextual() || !VERSIONS.contains(version.asText())) {
                throw fail("has \"Version\": " + version + ", which AWS does not accept: write \"Version\": "
                        + "\"2012-10-17\" (or the older \"2008-10-17\")");
            }
            JsonNode statements = json.get("Statement");
            if (statements == null) {
                throw fail("has no \"Statement\": add a \"Statement\" object, or an array of them, each with "
                        + "\"Effect\" and \"Action\"");
            }
            if (!statements.isObject() && !statements.isArray()) {
                throw fail("has a \"Statement\" that is neither an object nor an array of objects: write "
                        + "\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [...], ...}]");
            }
            if (statements.isArray() && statements.isEmpty()) {
                throw fail("has an empty \"Statement\" array: add at least one statement");
            }
            int index = 0;
            for (JsonNode statement : statements.isArray() ? statements
                    : JsonNodeFactory.instance.arrayNode().add(statements)) {
                checkStatement(statement, ++index);
            }
        }

        private void checkStatement(JsonNode statement, int index) {
            String name = "statement " + index;
            if (!statement.isObject()) {
                throw fail("has " + name + " that is not a JSON object: write each statement as {\"Effect\": ..., "
                        + "\"Action\": ...}");
            }
            JsonNode sid = statement.get("Sid");
            if (sid != null && sid.isTextual()) {
                name = "statement " + index + " (\"" + sid.asText() + "\")";
            }
            JsonNode effect = statement.get("Effect");
            if (effect == null) {
                throw fail(name + " has no \"Effect\": add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"");
            }
            if (!effect.isTextual() || !effect.asText().matches("Allow|Deny")) {
                throw fail(name + " has \"Effect\": " + effect + ": write \"Allow\" or \"Deny\" (exactly so)");
            }
            JsonNode action = statement.get("Action");
            JsonNode notAction = statement.get("NotAction");
            if (action == null && notAction == null) {
                throw fail(name + " has neither \"Action\" nor \"NotAction\": list the actions it "
                        + (effect.asText().equals("Allow") ? "allows" : "denies")
                        + ", e.g. \"Action\": [\"ecr:GetAuthorizationToken\"]");
            }
            if (action != null && notAction != null) {
                throw fail(name + " has both \"Action\" and \"NotAction\": keep one of them");
            }
            checkActions(name, action != null ? "Action" : "NotAction", action != null ? action : notAction);
            boolean hasPrincipal = statement.has("Principal") || statement.has("NotPrincipal");
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
            List<JsonNode> list = new ArrayList<>();
            (actions.isArray() ? actions : JsonNodeFactory.instance.arrayNode().add(actions)).forEach(list::add);
            if (list.isEmpty()) {
                throw fail(statement + " has an empty \"" + member + "\": list at least one action");
            }
            for (JsonNode a : list) {
                if (!a.isTextual()) {
                    throw fail(statement + " has " + a + " in \"" + member + "\": actions are strings like "
                            + "\"ecr:GetAuthorizationToken\"");
                }
                String action = a.asText();
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
