package dev.ecrplugin.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.policy.Placeholders;
import dev.ecrplugin.policy.PolicyKind;
import dev.ecrplugin.policy.PolicyText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyResponse;

/** The propagation retry, on a fake ECR whose SetRepositoryPolicy fails as real ECR does, and a fake clock. */
class RepositoryPolicyServiceTest {

    private static final String POLICY = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::${aws.accountId}:user/usr1\"},\"Action\":[\"ecr:PutImage\"]}]}";
    /** The registry ECR's answers name: not the caller's account, so that an ARN shows which of the two it took. */
    private static final String REGISTRY = "210987654321";
    private static final String ARN = "arn:aws:ecr:us-east-1:" + REGISTRY + ":repository/repo1";

    /** ECR that rejects the first {@code rejections} SetRepositoryPolicy calls as real ECR does during propagation. */
    private static final class FakeEcr implements EcrClient {
        int rejections;
        boolean repositoryExists = true;
        boolean setNamesRegistry = true;
        String policy;
        final List<String> sets = new ArrayList<>();

        @Override
        public DescribeRepositoriesResponse describeRepositories(DescribeRepositoriesRequest request) {
            throw new AssertionError("the policy's two calls name the registry: no DescribeRepositories");
        }

        @Override
        public GetRepositoryPolicyResponse getRepositoryPolicy(GetRepositoryPolicyRequest request) {
            missingRepository();
            if (policy == null) {
                throw RepositoryPolicyNotFoundException.builder().message("none").build();
            }
            return GetRepositoryPolicyResponse.builder().registryId(REGISTRY).repositoryName("repo1")
                    .policyText(policy).build();
        }

        private void missingRepository() {
            if (!repositoryExists) { // ECR's answer to both calls for a repository that is not there
                throw RepositoryNotFoundException.builder().message("The repository with name 'repo1' does not "
                        + "exist in the registry with id '123456789012'").build();
            }
        }

        @Override
        public SetRepositoryPolicyResponse setRepositoryPolicy(SetRepositoryPolicyRequest request) {
            missingRepository();
            sets.add(request.policyText());
            if (rejections-- > 0) {
                throw InvalidParameterException.builder().message("Invalid parameter at 'PolicyText' failed to "
                        + "satisfy constraint: 'Invalid repository policy provided'").build();
            }
            policy = request.policyText();
            return SetRepositoryPolicyResponse.builder().registryId(setNamesRegistry ? REGISTRY : null)
                    .repositoryName("repo1")
                    .policyText(policy).build();
        }

        @Override
        public String serviceName() {
            return "ecr";
        }

        @Override
        public void close() {}
    }

    private final FakeEcr ecr = new FakeEcr();
    private long now;
    private final List<Duration> sleeps = new ArrayList<>();

    private String region = "us-east-1";
    private String partition = "aws";

    private RepositoryPolicyService service() {
        return new RepositoryPolicyService(ecr, new Placeholders(() -> "123456789012", () -> region,
                () -> partition), Reporter.SILENT, () -> now, d -> {
                    sleeps.add(d);
                    now += d.toNanos();
                });
    }

    private Change ensure(Duration timeout, boolean dryRun) {
        return service().ensure("repo1", PolicyText.inline(PolicyKind.REPOSITORY, POLICY), timeout, dryRun);
    }

    @Test
    void setsAMissingPolicyThenLeavesItUnchanged() {
        assertEquals("Created repository policy repo1 [" + ARN + "]", ensure(Duration.ofSeconds(60), false).line());
        assertTrue(ecr.policy.contains("arn:aws:iam::123456789012:user/usr1"));
        assertEquals("Repository policy repo1 already exists, unchanged [" + ARN + "]",
                ensure(Duration.ofSeconds(60), false).line());
        assertEquals(1, ecr.sets.size());
    }

    @Test
    void theArnIsOfTheRegistryTheAnswerNamesInTheRegionsPartition() {
        region = "cn-north-1";
        partition = "aws-cn";
        assertEquals("Created repository policy repo1 [arn:aws-cn:ecr:cn-north-1:" + REGISTRY + ":repository/repo1]",
                ensure(Duration.ofSeconds(60), false).line());
    }

    @Test
    void anUpdateWhoseAnswerNamesNoRegistryKeepsTheOneTheCurrentPolicyNamed() {
        ecr.policy = POLICY.replace("PutImage", "BatchGetImage");
        ecr.setNamesRegistry = false;
        assertEquals("Updated repository policy repo1 (policy text replaced) [" + ARN + "]",
                ensure(Duration.ofSeconds(60), false).line());
        ecr.policy = null;
        ecr.setNamesRegistry = false;
        assertEquals("Created repository policy repo1", ensure(Duration.ofSeconds(60), false).line(),
                "no answer named the registry: no ARN rather than a guessed one");
    }

    @Test
    void dryRunMakesNoCall() {
        // nothing names the registry before the policy is set: the line has no ARN
        assertEquals("Would create repository policy repo1", ensure(Duration.ofSeconds(60), true).line());
        ecr.policy = POLICY.replace("PutImage", "BatchGetImage");
        assertEquals("Would update repository policy repo1 (policy text replaced) [" + ARN + "]",
                ensure(Duration.ofSeconds(60), true).line());
        assertEquals(List.of(), ecr.sets);
    }

    @Test
    void retriesWhilePrincipalPropagatesWithBackoff() {
        ecr.rejections = 4;
        Change change = ensure(Duration.ofSeconds(60), false);
        assertEquals(Change.Outcome.CREATED, change.outcome());
        assertEquals(5, ecr.sets.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8)), sleeps);
    }

    @Test
    void givesUpAfterTheTimeoutWithAMessageThatSaysWhy() {
        ecr.rejections = Integer.MAX_VALUE;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ensure(Duration.ofSeconds(20), false));
        assertEquals("ECR rejected <repositoryPolicyDocument> for repository repo1 as 'Invalid repository policy "
                + "provided' for 20 s (6 attempts). ECR answers so while a principal the policy names has not "
                + "propagated through IAM yet, and for a principal that does not exist: check the principals, or "
                + "wait longer with <policyPropagationTimeout>/-Decr.policyPropagationTimeout (seconds)",
                e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(5)), sleeps);
        assertEquals(Duration.ofSeconds(20).toNanos(), now);
    }

    @Test
    void zeroTimeoutMeansOneAttempt() {
        ecr.rejections = 1;
        assertThrows(InvalidInputException.class, () -> ensure(Duration.ZERO, false));
        assertEquals(1, ecr.sets.size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void missingRepositoryNamesItAndSuggestsCreateRepository() {
        ecr.repositoryExists = false;
        assertEquals("Repository repo1 does not exist: create it first with ecr:create-repository (bind it before "
                + "ecr:set-repository-policy), or fix <repositoryName>/-Decr.repositoryName",
                assertThrows(InvalidInputException.class, () -> ensure(Duration.ofSeconds(60), false)).getMessage());
        assertEquals(List.of(), ecr.sets);
    }

}
