package dev.ecrplugin.policy;

import static dev.ecrplugin.core.JsonText.compact;
import static dev.ecrplugin.core.JsonText.member;

import dev.ecrplugin.core.InvalidInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The rules AWS documents for ECR lifecycle policies (Amazon ECR User Guide, "Lifecycle policy properties" and
 * "Lifecycle policy evaluation rules"), checked before any AWS call. Every problem is reported at once, each naming
 * its rule (its place in {@code "rules"}, counted from 1, and its {@code rulePriority}) and the fix.
 */
final class LifecyclePolicyCheck {

    private static final List<String> TOP_MEMBERS = List.of("rules");
    private static final List<String> RULE_MEMBERS = List.of("rulePriority", "description", "selection", "action");
    private static final List<String> SELECTION_MEMBERS = List.of("tagStatus", "tagPatternList", "tagPrefixList",
            "storageClass", "countType", "countUnit", "countNumber");
    private static final List<String> ACTION_MEMBERS = List.of("type", "targetStorageClass");
    private static final List<String> TAG_STATUSES = List.of("tagged", "untagged", "any");
    private static final List<String> COUNT_TYPES = List.of("imageCountMoreThan", "sinceImagePushed",
            "sinceImagePulled", "sinceImageTransitioned");
    private static final List<String> STORAGE_CLASSES = List.of("standard", "archive");
    private static final List<String> ACTION_TYPES = List.of("expire", "transition");
    private static final String ARCHIVE = "archive";
    private static final String STANDARD = "standard";
    private static final int MAX_WILDCARDS = 4;

    /** What the checks across rules need to know of one rule. */
    private record Facts(String name, Integer priority, String tagStatus, String storageClass, Set<String> prefixes) {}

    private final String origin;
    private final List<String> topProblems = new ArrayList<>();
    private final List<String> ruleProblems = new ArrayList<>();

    private LifecyclePolicyCheck(String origin) {
        this.origin = origin;
    }

    /** Throws {@link InvalidInputException} naming {@code origin} and every problem of {@code json}. */
    static void check(JsonNode json, String origin) {
        new LifecyclePolicyCheck(origin).run(json);
    }

    private void run(JsonNode json) {
        if (!json.isObject()) {
            throw new InvalidInputException(origin + " is not a JSON object: write the lifecycle policy as "
                    + "{\"rules\": [{\"rulePriority\": 1, \"selection\": {...}, \"action\": {\"type\": \"expire\"}}]}");
        }
        members(null, json, TOP_MEMBERS, "a lifecycle policy has only \"rules\"");
        JsonNode rules = member(json, "rules");
        if (rules == null) {
            topProblems.add("has no \"rules\": add \"rules\": [{\"rulePriority\": 1, \"selection\": {...}, "
                    + "\"action\": {\"type\": \"expire\"}}]");
        } else if (!rules.isNull() && !rules.isArray()) {
            topProblems.add("has \"rules\" that is not an array: write \"rules\": [{...}, {...}]");
        } else if (rules.isArray() && rules.asArray().isEmpty()) {
            topProblems.add("has an empty \"rules\" array: add at least one rule");
        } else if (rules.isArray()) {
            List<Facts> facts = new ArrayList<>();
            int index = 0;
            for (JsonNode rule : rules.asArray()) {
                Facts f = rule(++index, rule);
                if (f != null) {
                    facts.add(f);
                }
            }
            acrossRules(facts);
        }
        List<String> all = new ArrayList<>();
        topProblems.forEach(p -> all.add(all.isEmpty() && ruleProblems.isEmpty() && topProblems.size() == 1
                ? p : "the policy " + p));
        all.addAll(ruleProblems);
        if (all.size() == 1) {
            throw new InvalidInputException(origin + " " + all.get(0));
        }
        if (!all.isEmpty()) {
            throw new InvalidInputException(origin + " has " + all.size() + " problems: " + String.join("; ", all));
        }
    }

    private Facts rule(int index, JsonNode rule) {
        String base = "rule " + index;
        if (!rule.isObject()) {
            ruleProblems.add(base + " is not a JSON object: write each rule as {\"rulePriority\": " + index
                    + ", \"selection\": {...}, \"action\": {...}}");
            return null;
        }
        Integer priority = null;
        JsonNode p = member(rule, "rulePriority");
        if (p == null) {
            ruleProblems.add(base + " has no \"rulePriority\": add \"rulePriority\": " + index + " (a positive integer "
                    + "of its own; the lowest is applied first)");
        } else if (!p.isNull() && !positiveInt(p)) {
            ruleProblems.add(base + " has \"rulePriority\": " + compact(p) + ": use a positive integer (1, 2, ...) "
                    + "that no other rule has");
        } else if (!p.isNull()) {
            priority = Integer.parseInt(p.asNumber());
        }
        String name = priority == null ? base : base + " (rulePriority " + priority + ")";
        members(name, rule, RULE_MEMBERS, "a rule has \"rulePriority\", \"description\", \"selection\" and \"action\"");
        JsonNode description = value(rule, "description");
        if (description != null && !description.isString()) {
            ruleProblems.add(name + " has a \"description\" that is not a string: write \"description\": \"...\", or "
                    + "remove it");
        }
        Facts facts = new Facts(name, priority, null, STANDARD, null);
        JsonNode selection = value(rule, "selection");
        if (member(rule, "selection") == null) {
            ruleProblems.add(name + " has no \"selection\": add \"selection\": {\"tagStatus\": \"any\", \"countType\": "
                    + "\"imageCountMoreThan\", \"countNumber\": 10} (or the images it is for)");
        } else if (selection != null && !selection.isObject()) {
            ruleProblems.add(name + " has a \"selection\" that is not a JSON object: write \"selection\": "
                    + "{\"tagStatus\": ..., \"countType\": ..., \"countNumber\": ...}");
        } else if (selection != null) {
            facts = selection(name, priority, selection);
        }
        JsonNode action = value(rule, "action");
        if (member(rule, "action") == null) {
            ruleProblems.add(name + " has no \"action\": add \"action\": {\"type\": \"expire\"}");
        } else if (action != null && !action.isObject()) {
            ruleProblems.add(name + " has an \"action\" that is not a JSON object: write \"action\": "
                    + "{\"type\": \"expire\"}");
        } else if (action != null) {
            action(name, action, facts.storageClass());
        }
        return facts;
    }

    private Facts selection(String rule, Integer priority, JsonNode selection) {
        String where = rule + " selection";
        members(where, selection, SELECTION_MEMBERS, "a selection has \"tagStatus\", \"tagPatternList\" or "
                + "\"tagPrefixList\", \"storageClass\", \"countType\", \"countUnit\" and \"countNumber\"");
        String tagStatus = oneOf(where, selection, "tagStatus", TAG_STATUSES,
                "add \"tagStatus\": \"tagged\" (with the tags to select), \"untagged\" or \"any\"");
        List<String> patterns = tagList(where, selection, "tagPatternList");
        List<String> prefixes = tagList(where, selection, "tagPrefixList");
        boolean hasPatterns = value(selection, "tagPatternList") != null;
        boolean hasPrefixes = value(selection, "tagPrefixList") != null;
        if ("tagged".equals(tagStatus) && !hasPatterns && !hasPrefixes) {
            ruleProblems.add(where + " has \"tagStatus\": \"tagged\" but neither \"tagPatternList\" nor "
                    + "\"tagPrefixList\": add the tags it selects, e.g. \"tagPatternList\": [\"prod*\"] (wildcards) or "
                    + "\"tagPrefixList\": [\"prod\"] (prefixes)");
        }
        if (hasPatterns && hasPrefixes) {
            ruleProblems.add(where + " has both \"tagPatternList\" and \"tagPrefixList\": ECR takes one of them in a "
                    + "rule; keep one, or split the rule in two");
        }
        if (tagStatus != null && !tagStatus.equals("tagged") && (hasPatterns || hasPrefixes)) {
            String list = hasPatterns ? "tagPatternList" : "tagPrefixList";
            ruleProblems.add(where + " has \"tagStatus\": \"" + tagStatus + "\" with \"" + list + "\": only a rule "
                    + "with \"tagStatus\": \"tagged\" selects by tag; write that, or remove \"" + list + "\"");
        }
        if (patterns != null) {
            for (String pattern : patterns) {
                long wildcards = pattern.chars().filter(c -> c == '*').count();
                if (wildcards > MAX_WILDCARDS) {
                    ruleProblems.add(where + " has the tag pattern \"" + pattern + "\" with " + wildcards
                            + " wildcards (*): ECR allows at most " + MAX_WILDCARDS + " in a pattern");
                }
            }
        }
        String countType = oneOf(where, selection, "countType", COUNT_TYPES, "add \"countType\": "
                + "\"imageCountMoreThan\" (keep the newest countNumber images) or \"sinceImagePushed\" (with "
                + "\"countUnit\": \"days\": images pushed more than countNumber days ago)");
        JsonNode countUnit = value(selection, "countUnit");
        if (countUnit != null && !"days".equals(countUnit.isString() ? countUnit.asString() : null)) {
            ruleProblems.add(where + " has \"countUnit\": " + compact(countUnit) + ": ECR counts in days only: write "
                    + "\"countUnit\": \"days\"");
        } else if (countType != null && countType.equals("imageCountMoreThan") && countUnit != null) {
            ruleProblems.add(where + " has \"countUnit\" with \"countType\": \"imageCountMoreThan\", which counts "
                    + "images, not days: remove \"countUnit\" (or use \"countType\": \"sinceImagePushed\" to expire by "
                    + "age)");
        } else if (countType != null && !countType.equals("imageCountMoreThan")
                && member(selection, "countUnit") == null) {
            ruleProblems.add(where + " has \"countType\": \"" + countType + "\" but no \"countUnit\": add "
                    + "\"countUnit\": \"days\" (countNumber is then a number of days)");
        }
        JsonNode countNumber = value(selection, "countNumber");
        if (member(selection, "countNumber") == null) {
            ruleProblems.add(where + " has no \"countNumber\": add \"countNumber\": N, a positive integer (the "
                    + "images to keep, or the days)");
        } else if (countNumber != null && !positiveInt(countNumber)) {
            ruleProblems.add(where + " has \"countNumber\": " + compact(countNumber) + ": use a positive integer (1 or "
                    + "more; 0 is not accepted)");
        }
        String declared = value(selection, "storageClass") == null ? null
                : oneOf(where, selection, "storageClass", STORAGE_CLASSES, null);
        boolean wrongClass = member(selection, "storageClass") != null && declared == null; // reported already
        boolean transitioned = "sinceImageTransitioned".equals(countType);
        if (transitioned && !wrongClass && !ARCHIVE.equals(declared)) {
            ruleProblems.add(where + " has \"countType\": \"sinceImageTransitioned\", which selects archived images: "
                    + "add \"storageClass\": \"archive\"");
        } else if (ARCHIVE.equals(declared) && countType != null && !transitioned) {
            ruleProblems.add(where + " has \"storageClass\": \"archive\" with \"countType\": \"" + countType + "\": "
                    + "archived images are selected by \"countType\": \"sinceImageTransitioned\" only; use that, or "
                    + "remove \"storageClass\"");
        }
        String storageClass = transitioned || ARCHIVE.equals(declared) ? ARCHIVE : STANDARD;
        Set<String> prefixSet = prefixes == null ? null : new TreeSet<>(prefixes);
        return new Facts(rule, priority, tagStatus, storageClass, prefixSet);
    }

    private void action(String rule, JsonNode action, String storageClass) {
        String where = rule + " action";
        members(where, action, ACTION_MEMBERS, "an action has \"type\" and, for a transition, "
                + "\"targetStorageClass\"");
        String type = oneOf(where, action, "type", ACTION_TYPES, "add \"type\": \"expire\"");
        JsonNode target = value(action, "targetStorageClass");
        if (type == null && member(action, "type") == null) {
            return;
        }
        if ("transition".equals(type)) {
            if (member(action, "targetStorageClass") == null) {
                ruleProblems.add(where + " has \"type\": \"transition\" but no \"targetStorageClass\": add "
                        + "\"targetStorageClass\": \"archive\"");
            } else if (target != null && !ARCHIVE.equals(target.isString() ? target.asString() : null)) {
                ruleProblems.add(where + " has \"targetStorageClass\": " + compact(target) + ": the only storage class "
                        + "to transition to is \"archive\"");
            }
            if (ARCHIVE.equals(storageClass)) {
                ruleProblems.add(where + " transitions archived images, which are archived already: use \"type\": "
                        + "\"expire\"");
            }
        } else if ("expire".equals(type) && target != null) {
            ruleProblems.add(where + " has \"targetStorageClass\" with \"type\": \"expire\": remove it (only a "
                    + "transition moves images)");
        }
    }

    private void acrossRules(List<Facts> rules) {
        Map<Integer, List<Facts>> byPriority = new LinkedHashMap<>();
        rules.stream().filter(r -> r.priority() != null)
                .forEach(r -> byPriority.computeIfAbsent(r.priority(), k -> new ArrayList<>()).add(r));
        byPriority.forEach((priority, same) -> {
            if (same.size() > 1) {
                ruleProblems.add(places(same) + have(same) + "\"rulePriority\": " + priority + ": give each rule a "
                        + "rulePriority of its own");
            }
        });
        boolean archiveRules = rules.stream().anyMatch(r -> ARCHIVE.equals(r.storageClass()));
        for (String storageClass : STORAGE_CLASSES) {
            List<Facts> ofClass = rules.stream().filter(r -> storageClass.equals(r.storageClass())).toList();
            String among = archiveRules ? " among the rules for " + storageClass + " images" : "";
            List<Facts> any = ofClass.stream().filter(r -> "any".equals(r.tagStatus())).toList();
            if (any.size() > 1) {
                ruleProblems.add(names(any) + have(any) + "\"tagStatus\": \"any\"" + among + ": ECR allows one such rule "
                        + "(applied last); merge them");
            } else if (any.size() == 1 && any.get(0).priority() != null) {
                Facts last = any.get(0);
                ofClass.stream().filter(r -> r.priority() != null && r.priority() > last.priority())
                        .max((a, b) -> Integer.compare(a.priority(), b.priority()))
                        .ifPresent(higher -> ruleProblems.add(last.name() + " has \"tagStatus\": \"any\" but "
                                + higher.name() + " has a higher rulePriority" + among + ": ECR applies the \"any\" "
                                + "rule last, so give it the highest rulePriority (more than " + higher.priority()
                                + ")"));
            }
            List<Facts> untagged = ofClass.stream().filter(r -> "untagged".equals(r.tagStatus())).toList();
            if (untagged.size() > 1) {
                ruleProblems.add(names(untagged) + have(untagged) + "\"tagStatus\": \"untagged\"" + among + ": ECR allows "
                        + "one rule for untagged images; merge them");
            }
            Map<Set<String>, List<Facts>> byPrefixes = new LinkedHashMap<>();
            ofClass.stream().filter(r -> "tagged".equals(r.tagStatus()) && r.prefixes() != null)
                    .forEach(r -> byPrefixes.computeIfAbsent(r.prefixes(), k -> new ArrayList<>()).add(r));
            byPrefixes.forEach((prefixes, same) -> {
                if (same.size() > 1) {
                    ruleProblems.add(names(same) + have(same) + "the \"tagPrefixList\" " + quoted(prefixes) + among
                            + ": ECR wants a set of tag prefixes of its own in each rule; merge them");
                }
            });
        }
    }

    /** Reports members {@code where} does not have, and members given as JSON null. */
    private void members(String where, JsonNode object, List<String> allowed, String shape) {
        for (Map.Entry<String, JsonNode> field : object.asObject().entrySet()) {
            String member = field.getKey();
            String prefix = where == null ? "" : where + " ";
            List<String> problems = where == null ? topProblems : ruleProblems;
            if (!allowed.contains(member)) {
                String close = allowed.stream().filter(a -> a.equalsIgnoreCase(member)
                        || a.toLowerCase(Locale.ROOT).startsWith(member.toLowerCase(Locale.ROOT))
                        || member.toLowerCase(Locale.ROOT).startsWith(a.toLowerCase(Locale.ROOT)))
                        .findFirst().orElse(null);
                problems.add(prefix + "has the member \"" + member + "\", which ECR does not accept: "
                        + (close != null ? "did you mean \"" + close + "\"?" : "remove it (" + shape + ")"));
            } else if (field.getValue().isNull()) {
                problems.add(prefix + "has \"" + member + "\": null, which ECR does not accept: give it a value, or "
                        + "remove it");
            }
        }
    }

    /**
     * The member's text when it is one of {@code values}; otherwise reports it (absent: {@code whenMissing}, when
     * given) and returns null.
     */
    private String oneOf(String where, JsonNode object, String member, List<String> values, String whenMissing) {
        JsonNode value = member(object, member);
        if (value == null) {
            if (whenMissing != null) {
                ruleProblems.add(where + " has no \"" + member + "\": " + whenMissing);
            }
            return null;
        }
        if (value.isNull()) {
            return null; // reported by members()
        }
        if (value.isString() && values.contains(value.asString())) {
            return value.asString();
        }
        String hint = value.isString() ? values.stream().filter(v -> v.equalsIgnoreCase(value.asString())).findFirst()
                .map(v -> " (did you mean \"" + v + "\"?)").orElse("") : "";
        ruleProblems.add(where + " has \"" + member + "\": " + compact(value) + hint + ": write " + orList(values)
                + " (exactly so)");
        return null;
    }

    /** The strings of a tag list, or null when absent or reported as wrong. */
    private List<String> tagList(String where, JsonNode selection, String member) {
        JsonNode list = value(selection, member);
        if (list == null) {
            return null;
        }
        String example = member.equals("tagPatternList") ? "[\"prod*\", \"release-*\"]" : "[\"prod\", \"release-\"]";
        if (!list.isArray() || list.asArray().isEmpty()) {
            ruleProblems.add(where + " has \"" + member + "\": " + compact(list) + ": write a non-empty list of "
                    + "strings, e.g. " + example);
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : list.asArray()) {
            if (!tag.isString() || tag.asString().isEmpty()) {
                ruleProblems.add(where + " has " + compact(tag) + " in \"" + member + "\": each entry is a non-empty "
                        + "string, e.g. " + example);
                return null;
            }
            tags.add(tag.asString());
        }
        return tags;
    }

    private static JsonNode value(JsonNode object, String member) {
        JsonNode value = member(object, member);
        return value == null || value.isNull() ? null : value;
    }

    private static boolean positiveInt(JsonNode n) {
        if (!n.isNumber() || !JsonValues.Num.integralLiteral(n.asNumber())) {
            return false;
        }
        BigInteger value = new BigInteger(n.asNumber());
        return value.signum() > 0 && value.bitLength() < Integer.SIZE;
    }

    private static String places(List<Facts> rules) {
        List<String> numbers = rules.stream().map(r -> r.name().replaceFirst("^rule (\\d+).*", "$1")).toList();
        return "rules " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and "
                + numbers.get(numbers.size() - 1);
    }

    private static String names(List<Facts> rules) {
        List<String> names = rules.stream().map(Facts::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String have(List<Facts> rules) {
        return rules.size() == 2 ? " both have " : " all have ";
    }

    private static String quoted(Set<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String orList(List<String> values) {
        List<String> quoted = values.stream().map(v -> "\"" + v + "\"").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
