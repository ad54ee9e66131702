package dev.ecrplugin.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecrplugin.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The documented rules of ECR lifecycle policies, each problem named with its rule and the fix. */
class LifecyclePolicyCheckTest {

    private static final String ORIGIN = "<lifecyclePolicyDocument>";
    private static final String SELECTION = ORIGIN + " rule 1 (rulePriority 1) selection has ";
    private static final String EXPIRE = "\"action\": {\"type\": \"expire\"}";

    private static LifecyclePolicy parse(String json) {
        return LifecyclePolicy.parse(PolicyText.inline(PolicyKind.LIFECYCLE, json));
    }

    private static String problem(String json) {
        return assertThrows(InvalidInputException.class, () -> parse(json)).getMessage();
    }

    /** The problem of a policy of one rule (rulePriority 1, expire) with this selection. */
    private static String selectionProblem(String selection) {
        return problem(policy(rule(1, selection)));
    }

    private static String rule(int priority, String selection) {
        return rule(priority, selection, EXPIRE);
    }

    private static String rule(int priority, String selection, String action) {
        return "{\"rulePriority\": " + priority + ", \"selection\": {" + selection + "}, " + action + "}";
    }

    private static String policy(String... rules) {
        return "{\"rules\": [" + String.join(", ", rules) + "]}";
    }

    @Test
    void documentedPoliciesPass() {
        parse(policy(
                rule(1, "\"tagStatus\": \"untagged\", \"countType\": \"sinceImagePushed\", \"countUnit\": \"days\", "
                        + "\"countNumber\": 14"),
                rule(2, "\"tagStatus\": \"tagged\", \"tagPatternList\": [\"*test*1*2*3\", \"test*1*2*3*\"], "
                        + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 5"),
                rule(3, "\"tagStatus\": \"tagged\", \"tagPrefixList\": [\"prod\"], \"countType\": "
                        + "\"imageCountMoreThan\", \"countNumber\": 1"),
                "{\"rulePriority\": 9, \"description\": \"keep 10\", \"selection\": {\"tagStatus\": \"any\", "
                        + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 10}, " + EXPIRE + "}"));
        // archive storage class (Amazon ECR User Guide, lifecycle policy examples): one "any" rule per storage class
        parse(policy(
                rule(1, "\"tagStatus\": \"any\", \"countType\": \"sinceImagePulled\", \"countUnit\": \"days\", "
                        + "\"countNumber\": 90", "\"action\": {\"type\": \"transition\", \"targetStorageClass\": "
                        + "\"archive\"}"),
                rule(2, "\"tagStatus\": \"any\", \"storageClass\": \"archive\", \"countType\": "
                        + "\"sinceImageTransitioned\", \"countUnit\": \"days\", \"countNumber\": 365")));
    }

    @Test
    void syntaxAndShape() {
        // the reason is jackson-core's: the SDK's shaded 2.21 says "expected a value" where 2.18 listed the kinds
        assertEquals(ORIGIN + " is not valid JSON at line 1, column 11: Unexpected character ('}' (code 125)): "
                + "expected a value. Fix the JSON syntax there", problem("{\"rules\": }"));
        assertEquals(ORIGIN + " is not valid JSON at line 1, column 14: Unexpected character (']' (code 93)): "
                + "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false'). Fix the JSON "
                + "syntax there", problem("{\"rules\": [1,]}"));
        assertEquals(ORIGIN + " is not a JSON object: write the lifecycle policy as {\"rules\": [{\"rulePriority\": 1, "
                + "\"selection\": {...}, \"action\": {\"type\": \"expire\"}}]}", problem("[]"));
        assertEquals(ORIGIN + " has no \"rules\": add \"rules\": [{\"rulePriority\": 1, \"selection\": {...}, "
                + "\"action\": {\"type\": \"expire\"}}]", problem("{}"));
        assertEquals(ORIGIN + " has an empty \"rules\" array: add at least one rule", problem("{\"rules\": []}"));
        assertEquals(ORIGIN + " has 2 problems: the policy has the member \"Rules\", which ECR does not accept: did "
                + "you mean \"rules\"?; the policy has no \"rules\": add \"rules\": [{\"rulePriority\": 1, "
                + "\"selection\": {...}, \"action\": {\"type\": \"expire\"}}]", problem("{\"Rules\": []}"));
    }

    @Test
    void priorities() {
        String any = "\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1";
        assertEquals(ORIGIN + " rule 1 has \"rulePriority\": 0: use a positive integer (1, 2, ...) that no other rule "
                + "has", problem(policy(rule(0, any))));
        assertEquals(ORIGIN + " rules 1 and 2 both have \"rulePriority\": 3: give each rule a rulePriority of its own",
                problem(policy(rule(3, "\"tagStatus\": \"untagged\", \"countType\": \"imageCountMoreThan\", "
                        + "\"countNumber\": 1"), rule(3, any))));
        assertEquals(ORIGIN + " rule 1 (rulePriority 5) has \"tagStatus\": \"any\" but rule 2 (rulePriority 7) has a "
                + "higher rulePriority: ECR applies the \"any\" rule last, so give it the highest rulePriority (more "
                + "than 7)", problem(policy(rule(5, any), rule(7, "\"tagStatus\": \"untagged\", \"countType\": "
                        + "\"imageCountMoreThan\", \"countNumber\": 1"))));
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) and rule 2 (rulePriority 2) both have \"tagStatus\": \"any\": "
                + "ECR allows one such rule (applied last); merge them", problem(policy(rule(1, any), rule(2, any))));
        assertEquals(ORIGIN + " rule 1 has no \"rulePriority\": add \"rulePriority\": 1 (a positive integer of its "
                + "own; the lowest is applied first)", problem("{\"rules\": [{\"selection\": {" + any + "}, "
                + EXPIRE + "}]}"));
    }

    @Test
    void tagSelection() {
        assertEquals(SELECTION + "\"tagStatus\": \"tagged\" but neither "
                + "\"tagPatternList\" nor \"tagPrefixList\": add the tags it selects, e.g. \"tagPatternList\": "
                + "[\"prod*\"] (wildcards) or \"tagPrefixList\": [\"prod\"] (prefixes)",
                selectionProblem("\"tagStatus\": \"tagged\", \"countType\": \"imageCountMoreThan\", "
                        + "\"countNumber\": 1"));
        assertEquals(SELECTION + "both \"tagPatternList\" and \"tagPrefixList\": "
                + "ECR takes one of them in a rule; keep one, or split the rule in two",
                selectionProblem("\"tagStatus\": \"tagged\", \"tagPatternList\": [\"a*\"], \"tagPrefixList\": "
                        + "[\"a\"], \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
        assertEquals(SELECTION + "\"tagStatus\": \"untagged\" with "
                + "\"tagPrefixList\": only a rule with \"tagStatus\": \"tagged\" selects by tag; write that, or remove "
                + "\"tagPrefixList\"", selectionProblem("\"tagStatus\": \"untagged\", \"tagPrefixList\": "
                        + "[\"a\"], \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
        assertEquals(SELECTION + "\"tagStatus\": \"Tagged\" (did you mean "
                + "\"tagged\"?): write \"tagged\", \"untagged\" or \"any\" (exactly so)",
                selectionProblem("\"tagStatus\": \"Tagged\", \"tagPrefixList\": [\"a\"], \"countType\": "
                        + "\"imageCountMoreThan\", \"countNumber\": 1"));
        assertEquals(SELECTION + "the tag pattern \"test*1*2*3*4*5*6\" with 6 "
                + "wildcards (*): ECR allows at most 4 in a pattern",
                selectionProblem("\"tagStatus\": \"tagged\", \"tagPatternList\": [\"test*1*2*3*4*5*6\"], "
                        + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
        assertEquals(SELECTION + "\"tagPrefixList\": []: write a non-empty list "
                + "of strings, e.g. [\"prod\", \"release-\"]", selectionProblem("\"tagStatus\": \"tagged\", "
                        + "\"tagPrefixList\": [], \"countType\": \"imageCountMoreThan\", \"countNumber\": 1"));
        String prod = "\"tagStatus\": \"tagged\", \"tagPrefixList\": [\"prod\", \"v\"], \"countType\": "
                + "\"imageCountMoreThan\", \"countNumber\": 1";
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) and rule 2 (rulePriority 2) both have the \"tagPrefixList\" "
                + "[\"prod\", \"v\"]: ECR wants a set of tag prefixes of its own in each rule; merge them",
                problem(policy(rule(1, prod), rule(2, prod.replace("[\"prod\", \"v\"]", "[\"v\", \"prod\"]")))));
        String untagged = "\"tagStatus\": \"untagged\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1";
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) and rule 2 (rulePriority 2) both have \"tagStatus\": "
                + "\"untagged\": ECR allows one rule for untagged images; merge them",
                problem(policy(rule(1, untagged), rule(2, untagged))));
    }

    @Test
    void counts() {
        assertEquals(SELECTION + "\"countType\": \"sinceImagePushed\" but no "
                + "\"countUnit\": add \"countUnit\": \"days\" (countNumber is then a number of days)",
                selectionProblem("\"tagStatus\": \"any\", \"countType\": \"sinceImagePushed\", "
                        + "\"countNumber\": 14"));
        assertEquals(SELECTION + "\"countUnit\" with \"countType\": "
                + "\"imageCountMoreThan\", which counts images, not days: remove \"countUnit\" (or use \"countType\": "
                + "\"sinceImagePushed\" to expire by age)", selectionProblem("\"tagStatus\": \"any\", "
                        + "\"countType\": \"imageCountMoreThan\", \"countUnit\": \"days\", \"countNumber\": 14"));
        assertEquals(SELECTION + "\"countUnit\": \"hours\": ECR counts in days "
                + "only: write \"countUnit\": \"days\"", selectionProblem("\"tagStatus\": \"any\", "
                        + "\"countType\": \"sinceImagePushed\", \"countUnit\": \"hours\", \"countNumber\": 14"));
        assertEquals(SELECTION + "\"countType\": \"imageCountMorethan\" (did you "
                + "mean \"imageCountMoreThan\"?): write \"imageCountMoreThan\", \"sinceImagePushed\", "
                + "\"sinceImagePulled\" or \"sinceImageTransitioned\" (exactly so)",
                selectionProblem("\"tagStatus\": \"any\", \"countType\": \"imageCountMorethan\", "
                        + "\"countNumber\": 1"));
        assertEquals(SELECTION + "\"countNumber\": 0: use a positive integer (1 or "
                + "more; 0 is not accepted)", selectionProblem("\"tagStatus\": \"any\", \"countType\": "
                        + "\"imageCountMoreThan\", \"countNumber\": 0"));
        assertEquals(SELECTION + "\"countNumber\": \"5\": use a positive integer "
                + "(1 or more; 0 is not accepted)", selectionProblem("\"tagStatus\": \"any\", \"countType\": "
                        + "\"imageCountMoreThan\", \"countNumber\": \"5\""));
    }

    @Test
    void actionsAndStorageClasses() {
        String any = "\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1";
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) action has \"type\": \"delete\": write \"expire\" or "
                + "\"transition\" (exactly so)", problem(policy(rule(1, any, "\"action\": {\"type\": \"delete\"}"))));
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) action has \"type\": \"transition\" but no "
                + "\"targetStorageClass\": add \"targetStorageClass\": \"archive\"",
                problem(policy(rule(1, any, "\"action\": {\"type\": \"transition\"}"))));
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) action has \"targetStorageClass\": null, which ECR does not "
                + "accept: give it a value, or remove it",
                problem(policy(rule(1, any, "\"action\": {\"type\": \"expire\", \"targetStorageClass\": null}"))));
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) has no \"action\": add \"action\": {\"type\": \"expire\"}",
                problem("{\"rules\": [{\"rulePriority\": 1, \"selection\": {" + any + "}}]}"));
        assertEquals(SELECTION + "\"countType\": \"sinceImageTransitioned\", "
                + "which selects archived images: add \"storageClass\": \"archive\"",
                selectionProblem("\"tagStatus\": \"any\", \"countType\": \"sinceImageTransitioned\", "
                        + "\"countUnit\": \"days\", \"countNumber\": 90"));
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) action transitions archived images, which are archived "
                + "already: use \"type\": \"expire\"", problem(policy(rule(1, "\"tagStatus\": \"any\", "
                        + "\"storageClass\": \"archive\", \"countType\": \"sinceImageTransitioned\", \"countUnit\": "
                        + "\"days\", \"countNumber\": 90", "\"action\": {\"type\": \"transition\", "
                        + "\"targetStorageClass\": \"archive\"}"))));
    }

    @Test
    void unknownMembersAndEveryProblemAtOnce() {
        assertEquals(SELECTION + "the member \"tagPrefix\", which ECR does not "
                + "accept: did you mean \"tagPrefixList\"?", selectionProblem("\"tagStatus\": \"tagged\", "
                        + "\"tagPrefixList\": [\"a\"], \"tagPrefix\": \"a\", \"countType\": \"imageCountMoreThan\", "
                        + "\"countNumber\": 1"));
        assertEquals(ORIGIN + " rule 1 (rulePriority 1) has the member \"name\", which ECR does not accept: remove it "
                + "(a rule has \"rulePriority\", \"description\", \"selection\" and \"action\")",
                problem("{\"rules\": [{\"rulePriority\": 1, \"name\": \"x\", \"selection\": {\"tagStatus\": \"any\", "
                        + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1}, " + EXPIRE + "}]}"));
        assertEquals(ORIGIN + " has 2 problems: rule 1 (rulePriority 1) selection has \"countNumber\": 0: use a "
                + "positive integer (1 or more; 0 is not accepted); rule 2 (rulePriority 2) action has no \"type\": "
                + "add \"type\": \"expire\"", problem(policy(
                        rule(1, "\"tagStatus\": \"untagged\", \"countType\": \"imageCountMoreThan\", "
                                + "\"countNumber\": 0"),
                        rule(2, "\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1",
                                "\"action\": {}"))));
    }

    @Test
    void tooLongForEcr() {
        String description = "x".repeat(LifecyclePolicy.MAX_LENGTH);
        String compact = "{\"rules\":[{\"rulePriority\":1,\"description\":\"" + description + "\",\"selection\":"
                + "{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1},\"action\":"
                + "{\"type\":\"expire\"}}]}";
        String message = problem(compact.replace(",", ", ")); // what is sent is the compact form, whatever was written
        assertEquals(ORIGIN + " is " + compact.length() + " characters long as compact JSON; ECR accepts at most 30720: merge rules or "
                + "shorten their descriptions", message);
    }
}
