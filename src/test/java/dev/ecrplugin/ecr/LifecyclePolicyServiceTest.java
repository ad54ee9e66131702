package dev.ecrplugin.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.policy.LifecyclePolicy;
import dev.ecrplugin.policy.PolicyKind;
import dev.ecrplugin.policy.PolicyText;
import dev.ecrplugin.testing.FakeClient;
import dev.ecrplugin.testing.RecordingReporter;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** LifecyclePolicyService against a fake ECR: PutLifecyclePolicy only when the stored policy means something else. */
class LifecyclePolicyServiceTest {

    private static final String KEEP_10 = "{\"rules\": [{\"rulePriority\": 1, \"selection\": {\"tagStatus\": \"any\", "
            + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 10}, \"action\": {\"type\": \"expire\"}}]}";

    private final RecordingReporter reporter = new RecordingReporter();

    private static LifecyclePolicy policy(String json) {
        return LifecyclePolicy.parse(PolicyText.inline(PolicyKind.LIFECYCLE, json));
    }

    private static FakeClient<EcrClient> ecr(Object getAnswer) {
        return FakeClient.of(EcrClient.class)
                .on("getLifecyclePolicy", r -> getAnswer)
                .on("putLifecyclePolicy", r -> PutLifecyclePolicyResponse.builder().build());
    }

    private static GetLifecyclePolicyResponse stored(String text) {
        return GetLifecyclePolicyResponse.builder().repositoryName("repo1").lifecyclePolicyText(text).build();
    }

    private static LifecyclePolicyNotFoundException none() {
        return LifecyclePolicyNotFoundException.builder().message("Lifecycle policy does not exist").build();
    }

    @Test
    void noPolicyYetIsCreated() {
        FakeClient<EcrClient> ecr = ecr(none());

        Change change = new LifecyclePolicyService(ecr.client(), reporter).ensure("repo1", policy(KEEP_10), false);

        assertEquals("Created lifecycle policy for repo1", change.line());
        assertEquals(List.of("getLifecyclePolicy", "putLifecyclePolicy"), ecr.operations());
        assertEquals("repo1", ((GetLifecyclePolicyRequest) ecr.calls().get(0).request()).repositoryName());
        PutLifecyclePolicyRequest put = (PutLifecyclePolicyRequest) ecr.calls().get(1).request();
        assertEquals("repo1", put.repositoryName());
        assertEquals(policy(KEEP_10).compactText(), put.lifecyclePolicyText());
    }

    @Test
    void theSamePolicyWrittenOtherwiseIsOnlyRead() {
        FakeClient<EcrClient> ecr = ecr(stored("{\"rules\":[{\"action\":{\"type\":\"expire\"},\"rulePriority\":1,"
                + "\"selection\":{\"countNumber\":10,\"countType\":\"imageCountMoreThan\",\"tagStatus\":\"any\"}}]}"));

        Change change = new LifecyclePolicyService(ecr.client(), reporter).ensure("repo1", policy(KEEP_10), false);

        assertEquals("Lifecycle policy for repo1 already exists, unchanged", change.line());
        assertEquals(List.of("getLifecyclePolicy"), ecr.operations());
    }

    @Test
    void anotherPolicyIsReplacedNamingTheRules() {
        FakeClient<EcrClient> ecr = ecr(stored(KEEP_10.replace("10", "20")));

        Change change = new LifecyclePolicyService(ecr.client(), reporter).ensure("repo1", policy(KEEP_10), false);

        assertEquals("Updated lifecycle policy for repo1 (rule 1 changed)", change.line());
        assertEquals(List.of("getLifecyclePolicy", "putLifecyclePolicy"), ecr.operations());
        assertEquals(1, reporter.debugs.size(), "the old and the new text at DEBUG");
    }

    @Test
    void aDryRunOnlyReads() {
        FakeClient<EcrClient> updating = ecr(stored(KEEP_10.replace("10", "20")));
        assertEquals(new Change(Change.Outcome.WOULD_UPDATE, "lifecycle policy", "for repo1", null, "rule 1 changed"),
                new LifecyclePolicyService(updating.client(), reporter).ensure("repo1", policy(KEEP_10), true));
        assertEquals(List.of("getLifecyclePolicy"), updating.operations());

        FakeClient<EcrClient> creating = ecr(none());
        assertEquals("Would create lifecycle policy for repo1",
                new LifecyclePolicyService(creating.client(), reporter).ensure("repo1", policy(KEEP_10), true).line());
        assertEquals(List.of("getLifecyclePolicy"), creating.operations());

        // the repository itself would be created by the same dry run
        FakeClient<EcrClient> noRepository = ecr(RepositoryNotFoundException.builder().message("no repo1").build());
        assertEquals("Would create lifecycle policy for repo1", new LifecyclePolicyService(noRepository.client(),
                reporter).ensure("repo1", policy(KEEP_10), true).line());
        assertEquals(List.of("getLifecyclePolicy"), noRepository.operations());
    }

    @Test
    void whatEcrRejectsIsTheUsersToFixNamingTheParameter() {
        FakeClient<EcrClient> ecr = ecr(none()).on("putLifecyclePolicy", r -> InvalidParameterException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterException")
                        .errorMessage("Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: "
                                + "'Lifecycle policy validation failure: ...'").build()).build());

        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                new LifecyclePolicyService(ecr.client(), reporter).ensure("repo1", policy(KEEP_10), false));

        assertEquals("ECR rejected <lifecyclePolicyDocument> for repository repo1: Invalid parameter at "
                + "'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ...'. Fix "
                + "the policy there (see the lifecycle policy properties in the Amazon ECR User Guide)", e.getMessage());
    }
}
