package dev.ecrplugin.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class PolicyDocumentTest {

    private static final String AUTH_ONLY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"],
             "Resource": "*"}]}""";

    /** The tutorial example's policy files (examples/tutorial), the one copy of the tutorial's policies. */
    static String tutorial(String name) throws IOException {
        return Files.readString(Path.of("examples/tutorial", name), StandardCharsets.UTF_8);
    }

    private static String error(PolicyKind kind, String text) {
        return assertThrows(InvalidInputException.class, () -> PolicyDocument.parse(PolicyText.inline(kind, text)))
                .getMessage();
    }

    private static String error(String text) {
        return error(PolicyKind.IDENTITY, text);
    }

    /** The document's first statement. */
    private static JsonNode statement(PolicyDocument doc) {
        return doc.json().asObject().get("Statement").asArray().get(0);
    }

    @Test
    void acceptsTheTutorialsIdentityPolicyAsWritten() throws IOException {
        PolicyDocument doc = PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY, tutorial("authPolicy.json")));
        assertTrue(doc.sameAs(AUTH_ONLY));
        // the tutorial itself indents with tabs and spaces mixed: the same document
        String tabbed = tutorial("authPolicy.json").replace("  ", "\t  ");
        assertTrue(tabbed.contains("\t"));
        assertTrue(PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY, tabbed)).sameAs(AUTH_ONLY));
    }

    @Test
    void acceptsTheTutorialsRepositoryPolicyAsWritten() throws IOException {
        String text = tutorial("usr1Policy.json");
        assertTrue(text.contains("\"AWS\": \"arn:aws:iam::${aws.accountId}:user/usr1\""));
        PolicyDocument doc = PolicyDocument.parse(PolicyText.inline(PolicyKind.REPOSITORY, text))
                .resolve(new Placeholders(() -> "123456789012", () -> "us-east-1", () -> "aws"));
        assertEquals("arn:aws:iam::123456789012:user/usr1",
                statement(doc).asObject().get("Principal").asObject().get("AWS").asString());
        assertEquals(15, statement(doc).asObject().get("Action").asArray().size());
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        String message = error("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ }\n}");
        assertTrue(message.startsWith("<policyDocument> is not valid JSON at line 3, column 18: Unexpected close "
                + "marker '}'"), message);
        assertTrue(message.endsWith(". Fix the JSON syntax there"), message);
    }

    @Test
    void rejectsTrailingTextAndDuplicateKeys() {
        assertTrue(error(AUTH_ONLY + " x").contains("is not valid JSON at line 2"));
        assertTrue(error("{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\"}").contains("Duplicate field"));
    }

    @Test
    void trailingValuesAndCommentsAreNotJsonEither() {
        assertEquals("<policyDocument> is not valid JSON at line 1, column 4: Trailing token (of type START_OBJECT) "
                + "found after the document: write one JSON value only. Fix the JSON syntax there", error("{} {}"));
        assertTrue(error(AUTH_ONLY + "\n[]").contains("is not valid JSON at line 3, column 1: Trailing token"));
        // the SDK's default parser accepts comments; AWS does not
        String comment = error("/* c */ " + AUTH_ONLY);
        assertTrue(comment.startsWith("<policyDocument> is not valid JSON at line 1, column 1: Unexpected character "
                + "('/' (code 47)): maybe a (non-standard) comment?"), comment);
        assertTrue(error("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Effect\": \"Deny\"}}")
                .contains("at line 1, column 68: Duplicate field 'Effect'"));
    }

    @Test
    void sentAsJsonWithEveryCharacterEscaped() {
        String sid = "a \\\"quote\\\" and \\\\ backslash and \\n newline and \\u0001";
        PolicyDocument doc = PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY,
                AUTH_ONLY.replace("{\"Effect\"", "{\"Sid\": \"" + sid + "\", \"Effect\"")));
        assertEquals("a \"quote\" and \\ backslash and \n newline and \u0001", statement(doc).asObject().get("Sid")
                .asString());
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"a \\\"quote\\\" and \\\\ backslash and "
                + "\\n newline and \\u0001\",\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\"],"
                + "\"Resource\":\"*\"}]}", doc.compactText());
        assertTrue(doc.sameAs(doc.compactText()));
        // what the SDK's JsonNode.toString() makes of it is not JSON (the newline stays raw)
        assertTrue(doc.json().toString().contains("\n newline"));
    }

    @Test
    void emptyAndNonObjectDocumentsAreRejected() {
        assertEquals("<policyDocument> is empty: write the policy as a JSON object with \"Version\" and "
                + "\"Statement\"", error("   "));
        assertTrue(error("[]").startsWith("<policyDocument> is not a JSON object"));
    }

    @Test
    void versionMustBeOneOfTheTwo() {
        assertEquals("<policyDocument> has \"Version\": \"2012-10-18\", which AWS does not accept: write "
                + "\"Version\": \"2012-10-17\" (or the older \"2008-10-17\")", error(AUTH_ONLY.replace("2012-10-17",
                "2012-10-18")));
        assertEquals("<policyDocument> has no \"Version\": add \"Version\": \"2012-10-17\"",
                error("{\"Statement\": []}"));
        PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY, AUTH_ONLY.replace("2012-10-17", "2008-10-17")));
    }

    @Test
    void statementMustBePresentAsObjectOrArray() {
        assertTrue(error("{\"Version\": \"2012-10-17\"}").startsWith("<policyDocument> has no \"Statement\""));
        assertTrue(error("{\"Version\": \"2012-10-17\", \"Statement\": \"x\"}").contains("neither an object nor"));
        assertTrue(error("{\"Version\": \"2012-10-17\", \"Statement\": []}").contains("empty \"Statement\""));
        PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY, "{\"Version\": \"2012-10-17\", \"Statement\": "
                + "{\"Effect\": \"Deny\", \"Action\": \"ecr:*\", \"Resource\": \"*\"}}"));
    }

    @Test
    void effectMustBeAllowOrDeny() {
        assertEquals("<policyDocument> statement 1 has no \"Effect\": add \"Effect\": \"Allow\" or \"Effect\": "
                + "\"Deny\"", error(AUTH_ONLY.replace("\"Effect\": \"Allow\",", "")));
        assertEquals("<policyDocument> statement 1 has \"Effect\": \"allow\": write \"Allow\" or \"Deny\" (exactly "
                + "so)", error(AUTH_ONLY.replace("Allow", "allow")));
    }

    @Test
    void statementNeedsActionOrNotActionButNotBoth() {
        assertEquals("<policyDocument> statement 1 (\"s\") has neither \"Action\" nor \"NotAction\": list the "
                + "actions it allows, e.g. \"Action\": [\"ecr:GetAuthorizationToken\"]",
                error("{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"s\", \"Effect\": \"Allow\", "
                        + "\"Resource\": \"*\"}}"));
        assertTrue(error(AUTH_ONLY.replace("\"Resource\"", "\"NotAction\": \"s3:*\", \"Resource\""))
                .contains("has both \"Action\" and \"NotAction\""));
        assertTrue(error(AUTH_ONLY.replace("[\"ecr:GetAuthorizationToken\"]", "[]")).contains("empty \"Action\""));
        PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY,
                AUTH_ONLY.replace("\"Action\"", "\"NotAction\"")));
    }

    @Test
    void unknownEcrActionSuggestsTheClosest() {
        assertEquals("<policyDocument> statement 1 has the unknown action \"ecr:GetAuthorisationToken\": did you "
                + "mean ecr:GetAuthorizationToken?", error(AUTH_ONLY.replace("Authorization", "Authorisation")));
        assertEquals("<policyDocument> statement 1 has the unknown action \"ecr:PushImage\": did you mean "
                + "ecr:PutImage?", error(AUTH_ONLY.replace("GetAuthorizationToken", "PushImage")));
        assertTrue(error(AUTH_ONLY.replace("ecr:GetAuthorizationToken", "GetAuthorizationToken"))
                .contains("is not service:Action"));
    }

    @Test
    void wildcardsAreValidWhenTheyMatchAKnownAction() {
        for (String ok : new String[] {"ecr:*", "ecr:Get*", "ECR:getauthorizationtoken", "ecr:Put?mage", "*",
                "s3:AnythingElse"}) {
            PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY,
                    AUTH_ONLY.replace("ecr:GetAuthorizationToken", ok)));
        }
        assertTrue(error(AUTH_ONLY.replace("ecr:GetAuthorizationToken", "ecr:Fetch*"))
                .contains("unknown action \"ecr:Fetch*\""));
    }

    @Test
    void principalsBelongToRepositoryPoliciesOnly() {
        assertTrue(error(PolicyKind.REPOSITORY, AUTH_ONLY).startsWith("<repositoryPolicyDocument> statement 1 has "
                + "no \"Principal\""));
        assertTrue(error(AUTH_ONLY.replace("\"Resource\"", "\"Principal\": \"*\", \"Resource\""))
                .contains("has a \"Principal\", which an IAM policy must not have"));
    }

    @Test
    void placeholdersAreReplacedAndTheAccountAskedOnlyWhenUsed() {
        AtomicInteger calls = new AtomicInteger();
        Placeholders values = new Placeholders(() -> {
            calls.incrementAndGet();
            return "123456789012";
        }, () -> "eu-west-1", () -> "aws");
        PolicyDocument plain = PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY,
                AUTH_ONLY.replace("\"*\"", "\"arn:${aws.partition}:ecr:${aws.region}:*:repository/x\"")));
        assertEquals("arn:aws:ecr:eu-west-1:*:repository/x",
                statement(plain.resolve(values)).asObject().get("Resource").asString());
        assertEquals(0, calls.get());
        PolicyDocument withAccount = PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY,
                AUTH_ONLY.replace("\"*\"", "\"arn:aws:ecr:*:${aws.accountId}:repository/${aws:username}\"")));
        withAccount.resolve(values);
        assertEquals("arn:aws:ecr:*:123456789012:repository/${aws:username}",
                statement(withAccount.resolve(values)).asObject().get("Resource").asString());
        assertEquals(1, calls.get());
        assertEquals("<policyDocument> uses the unknown placeholder ${aws.account}: use ${aws.accountId}, "
                + "${aws.region} or ${aws.partition}", assertThrows(InvalidInputException.class,
                () -> PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY,
                        AUTH_ONLY.replace("\"*\"", "\"${aws.account}\""))).resolve(values)).getMessage());
    }

    @Test
    void comparisonDecodesUrlEncodingAndIgnoresFormatting() {
        String encoded = URLEncoder.encode(AUTH_ONLY, StandardCharsets.UTF_8);
        assertTrue(PolicyDocument.equivalent(AUTH_ONLY, encoded));
        assertTrue(PolicyDocument.equivalent(AUTH_ONLY, AUTH_ONLY.replace(" ", "").replace("\n", "")));
        assertTrue(PolicyDocument.equivalent(AUTH_ONLY,
                "{\"Statement\":[{\"Resource\":\"*\",\"Action\":\"ecr:GetAuthorizationToken\",\"Effect\":\"Allow\"}],"
                        + "\"Version\":\"2012-10-17\"}"));
    }

    @Test
    void comparisonIgnoresStatementAndActionOrderButNotContent() {
        String two = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecr:A\","
                + "\"ecr:B\"],\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        String reordered = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"s3:*\"],"
                + "\"Resource\":[\"*\"]},{\"Effect\":\"Allow\",\"Action\":[\"ecr:B\",\"ecr:A\"],\"Resource\":\"*\"}]}";
        assertTrue(PolicyDocument.equivalent(two, reordered));
        assertFalse(PolicyDocument.equivalent(two, reordered.replace("Deny", "Allow")));
        assertFalse(PolicyDocument.equivalent(AUTH_ONLY, AUTH_ONLY.replace("2012-10-17", "2008-10-17")));
        assertFalse(PolicyDocument.equivalent(AUTH_ONLY, AUTH_ONLY.replace("]", ", \"ecr:PutImage\"]")));
        assertTrue(PolicyDocument.equivalent(
                "{\"Statement\":{\"Principal\":{\"AWS\":\"arn:x\"},\"Effect\":\"Allow\",\"Action\":\"ecr:*\"}}",
                "{\"Statement\":[{\"Principal\":{\"AWS\":[\"arn:x\"]},\"Effect\":\"Allow\",\"Action\":[\"ecr:*\"]}]}"));
        assertFalse(PolicyDocument.equivalent(AUTH_ONLY, "not json"));
    }

    @Test
    void comparisonIgnoresTheOrderOfStatementsAndOfTheirMembersTogether() {
        // two statements, each with its members in another order as well: the same document whichever order
        String a = "{\"Effect\":\"Allow\",\"Action\":\"ecr:A\",\"Resource\":\"*\"}";
        String b = "{\"Action\":\"ecr:B\",\"Resource\":\"*\",\"Effect\":\"Allow\"}";
        String aReordered = "{\"Resource\":\"*\",\"Action\":[\"ecr:A\"],\"Effect\":\"Allow\"}";
        String bReordered = "{\"Effect\":\"Allow\",\"Action\":\"ecr:B\",\"Resource\":[\"*\"]}";
        for (String first : new String[] {doc(a, b), doc(b, a)}) {
            for (String second : new String[] {doc(aReordered, bReordered), doc(bReordered, aReordered)}) {
                assertTrue(PolicyDocument.equivalent(first, second), first + " / " + second);
                assertTrue(PolicyDocument.equivalent(second, first), second + " / " + first);
            }
        }
        // a statement twice is not the same as once (a multiset, not a set), nor are different statements
        assertFalse(PolicyDocument.equivalent(doc(a, b), doc(a, a)));
        assertFalse(PolicyDocument.equivalent(doc(a, b), doc(a, b, b)));
        assertFalse(PolicyDocument.equivalent(doc(a, b), doc(a, b.replace("ecr:B", "ecr:C"))));
        // numbers by value as JSON reads them: 1.50 is 1.5, but 1 is not 1.0
        String cond = "{\"Effect\":\"Allow\",\"Action\":\"ecr:A\",\"Resource\":\"*\",\"Condition\":"
                + "{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":%s}}}";
        assertTrue(PolicyDocument.equivalent(doc(cond.formatted("1.50")), doc(cond.formatted("1.5"))));
        assertTrue(PolicyDocument.equivalent(doc(cond.formatted("3600")), doc(cond.formatted("[3600]"))));
        assertFalse(PolicyDocument.equivalent(doc(cond.formatted("1")), doc(cond.formatted("1.0"))));
        assertFalse(PolicyDocument.equivalent(doc(cond.formatted("3600")), doc(cond.formatted("\"3600\""))));
        // documents that are not objects compare too (no exception)
        assertTrue(PolicyDocument.equivalent("[1]", "[1]"));
        assertFalse(PolicyDocument.equivalent("[1]", "[2]"));
    }

    private static String doc(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }
}
