package dev.ecrplugin.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document RequiredPermissions makes from goal configurations: actions, ARNs, statements, notes. */
class RequiredPermissionsTest {

    private static final String ACCOUNT = "123456789012";

    @TempDir
    Path temp;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> accountAsked = new ArrayList<>();

    private RequiredPermissions service() {
        return new RequiredPermissions("us-east-1", () -> {
            accountAsked.add("sts");
            return ACCOUNT;
        }, reporter);
    }

    private static GoalConfig goal(String goal, String execution, String... nameValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            parameters.computeIfAbsent(nameValues[i], k -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return new GoalConfig(goal, execution, parameters);
    }

    private static final GoalConfig SELF = goal("required-permissions", "default-cli");

    /** The tutorial's POM (examples/tutorial), its executions as Maven merges their configuration. */
    static List<GoalConfig> tutorial(boolean usr1Profile) {
        String[] pushing = usr1Profile ? new String[] {"repositoryName", "repo1", "image", "myapp:1.0", "profile",
            "usr1", "tags", "1.0", "tags", "latest", "tag", "1.0"} : new String[] {"repositoryName", "repo1", "image",
            "myapp:1.0", "tags", "1.0", "tags", "latest", "tag", "1.0"};
        return List.of(
                goal("create-policy", "auth-only-policy", "repositoryName", "repo1", "policyName", "authOnly",
                        "policyFile", "authPolicy.json", "description", "Lets a user ask ECR for a token"),
                goal("create-user", "usr1", "repositoryName", "repo1", "userName", "usr1", "policyNames", "authOnly",
                        "accessKeyProfile", "usr1"),
                goal("create-repository", "repo1", "repositoryName", "repo1"),
                goal("set-repository-policy", "repo1-policy", "repositoryName", "repo1", "repositoryPolicyFile",
                        "usr1Policy.json"),
                goal("login", "push-as-usr1", pushing),
                goal("push", "push-as-usr1", pushing),
                goal("pull", "push-as-usr1", pushing));
    }

    @Test
    void theTutorialsPolicyNamesItsRepositoryPolicyAndUser() throws Exception {
        Path file = temp.resolve("ecr/required-permissions.json");

        RequiredPermissions.Result result = service().compute(tutorial(false), SELF, file);

        String expected = """
                {
                  "Version" : "2012-10-17",
                  "Statement" : [
                    {
                      "Sid" : "AnyResource",
                      "Effect" : "Allow",
                      "Action" : [
                        "ecr:GetAuthorizationToken"
                      ],
                      "Resource" : "*"
                    },
                    {
                      "Sid" : "EcrRepositories",
                      "Effect" : "Allow",
                      "Action" : [
                        "ecr:BatchCheckLayerAvailability",
                        "ecr:BatchGetImage",
                        "ecr:CompleteLayerUpload",
                        "ecr:CreateRepository",
                        "ecr:DescribeRepositories",
                        "ecr:GetDownloadUrlForLayer",
                        "ecr:GetRepositoryPolicy",
                        "ecr:InitiateLayerUpload",
                        "ecr:PutImage",
                        "ecr:SetRepositoryPolicy",
                        "ecr:UploadLayerPart"
                      ],
                      "Resource" : "arn:aws:ecr:us-east-1:123456789012:repository/repo1"
                    },
                    {
                      "Sid" : "IamPolicies",
                      "Effect" : "Allow",
                      "Action" : [
                        "iam:CreatePolicy",
                        "iam:CreatePolicyVersion",
                        "iam:DeletePolicyVersion",
                        "iam:GetPolicy",
                        "iam:GetPolicyVersion",
                        "iam:ListPolicyVersions"
                      ],
                      "Resource" : "arn:aws:iam::123456789012:policy/authOnly"
                    },
                    {
                      "Sid" : "IamUsers",
                      "Effect" : "Allow",
                      "Action" : [
                        "iam:AttachUserPolicy",
                        "iam:CreateAccessKey",
                        "iam:CreateUser",
                        "iam:DeleteAccessKey",
                        "iam:GetAccessKeyLastUsed",
                        "iam:GetUser",
                        "iam:ListAccessKeys",
                        "iam:ListAttachedUserPolicies"
                      ],
                      "Resource" : "arn:aws:iam::123456789012:user/usr1"
                    }
                  ]
                }""";
        assertEquals(expected, result.document());
        assertEquals(expected + "\n", Files.readString(file));
        assertEquals(1, accountAsked.size(), "the account is asked once");
        assertEquals("create-user (execution usr1): iam:AttachUserPolicy, iam:CreateAccessKey, iam:CreateUser, "
                + "iam:DeleteAccessKey, iam:GetAccessKeyLastUsed, iam:GetPolicy, iam:GetUser, iam:ListAccessKeys, "
                + "iam:ListAttachedUserPolicies", reporter.infos.get(1));
        assertEquals(List.of(), reporter.warnings);
    }

    @Test
    void goalsWithCredentialsOfTheirOwnAreNamed() {
        service().compute(tutorial(true), SELF, null);

        assertEquals(List.of("login (execution push-as-usr1), push (execution push-as-usr1), pull (execution "
                + "push-as-usr1) run with <profile>usr1</profile>, other credentials than this goal's: the policy "
                + "below is the sum for one identity; give the identity of <profile>usr1</profile> the actions listed "
                + "for those goals"), reporter.warnings);
    }

    @Test
    void optionsAddTheirActionsAndResources() throws Exception {
        String key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        List<GoalConfig> goals = List.of(
                goal("create-repository", "r", "repositoryName", "team/app", "region", "eu-west-1",
                        "imageTagMutability", "IMMUTABLE", "scanOnPush", "true", "resourceTags", "a",
                        "encryptionType", "kms", "kmsKey", key, "roleArn", "arn:aws:iam::123456789012:role/deployer"),
                goal("create-user", "u", "userName", "ci", "policyArns", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                // a full image URI names the registry's account and region
                goal("push", "p", "image", "210987654321.dkr.ecr-fips.us-west-2.amazonaws.com/other/app:2",
                        "createRepository", "true"),
                goal("pull", "q", "image", "app:1", "registryIds", "444455556666"));

        JsonNode doc = new ObjectMapper().readTree(service().compute(goals, SELF, null).document());

        assertEquals(List.of("ecr:CreateRepository", "ecr:DescribeRepositories", "ecr:ListTagsForResource",
                "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability", "ecr:TagResource"),
                actionsOn(doc, "arn:aws:ecr:eu-west-1:123456789012:repository/team/app"));
        assertEquals(List.of("kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant"), actionsOn(doc, key));
        assertEquals(List.of("sts:AssumeRole"), actionsOn(doc, "arn:aws:iam::123456789012:role/deployer"));
        assertEquals(List.of("iam:GetPolicy"), actionsOn(doc, "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertEquals(List.of("iam:AttachUserPolicy", "iam:GetUser", "iam:ListAttachedUserPolicies"),
                actionsOn(doc, "arn:aws:iam::123456789012:user/ci").stream().filter(a -> !a.contains("Create"))
                        .toList());
        assertEquals(List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                "ecr:CreateRepository", "ecr:DescribeRepositories", "ecr:InitiateLayerUpload", "ecr:PutImage",
                "ecr:UploadLayerPart"), actionsOn(doc, "arn:aws:ecr:us-west-2:210987654321:repository/other/app"));
        assertEquals(List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                actionsOn(doc, "arn:aws:ecr:us-east-1:444455556666:repository/app"));
        assertEquals(List.of("ecr:GetAuthorizationToken"), actionsOn(doc, "*"));
        // no access key profile: none of the key actions
        assertTrue(actionsOn(doc, "arn:aws:iam::123456789012:user/ci").stream().noneMatch(a -> a.contains("Key")));
    }

    @Test
    void aChinaRegionGivesTheChinaPartitionsArns() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(service().compute(List.of(goal("create-repository", "r",
                "repositoryName", "app", "region", "cn-north-1")), SELF, null).document());

        assertEquals(List.of("ecr:CreateRepository", "ecr:DescribeRepositories"),
                actionsOn(doc, "arn:aws-cn:ecr:cn-north-1:123456789012:repository/app"));
    }

    @Test
    void aGoalThatNamesNoRepositoryIsWarnedAbout() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(service().compute(List.of(goal("push", "-Decr.goals")), SELF, null)
                .document());

        assertTrue(actionsOn(doc, "arn:aws:ecr:us-east-1:123456789012:repository/*").contains("ecr:PutImage"));
        assertEquals(List.of("push (-Decr.goals) names no repository (<repositoryName>/-Decr.repositoryName, "
                + "<image>): its statements allow every repository of the account, repository/*"), reporter.warnings);
    }

    @Test
    void loginAloneNeedsNoAccount() {
        service().compute(List.of(goal("login", "l")), SELF, null);

        assertEquals(List.of(), accountAsked);
    }

    @Test
    void noGoalIsTheUsersMistake() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service().compute(List.of(), SELF,
                null));
        assertTrue(e.getMessage().contains("-Decr.goals"), e.getMessage());
    }

    /** The actions allowed on {@code arn}: of every statement whose resources include it, sorted. */
    private static List<String> actionsOn(JsonNode doc, String arn) {
        java.util.TreeSet<String> actions = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode statement : doc.get("Statement")) {
            JsonNode resource = statement.get("Resource");
            if (resource.isArray() ? contains(resource, arn) : resource.asText().equals(arn)) {
                statement.get("Action").forEach(a -> actions.add(a.asText()));
            }
        }
        if (actions.isEmpty()) {
            throw new AssertionError("no statement on " + arn + " in " + doc.toPrettyString());
        }
        return List.copyOf(actions);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
