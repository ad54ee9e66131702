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
                doc.json().get("Statement").get(0).get("Principal").get("AWS").asText());
        assertEquals(15, doc.json().get("Statement").get(0).get("Action").size());
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
                plain.resolve(values).json().get("Statement").get(0).get("Resource").asText());
        assertEquals(0, calls.get());
        PolicyDocument withAccount = PolicyDocument.parse(PolicyText.inline(PolicyKind.IDENTITY,
                AUTH_ONLY.replace("\"*\"", "\"arn:aws:ecr:*:${aws.accountId}:repository/${aws:username}\"")));
        withAccount.resolve(values);
        assertEquals("arn:aws:ecr:*:123456789012:repository/${aws:username}",
                withAccount.resolve(values).json().get("Statement").get(0).get("Resource").asText());
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
}
