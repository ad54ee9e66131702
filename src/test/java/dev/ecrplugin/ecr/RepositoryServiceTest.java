package dev.ecrplugin.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecrplugin.core.Change;
import dev.ecrplugin.testing.FakeClient;
import dev.ecrplugin.testing.RecordingReporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecr.model.PutImageScanningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.Tag;
import software.amazon.awssdk.services.ecr.model.TagResourceRequest;

/** RepositoryService's convergence against a fake ECR: exactly the calls that what differs needs. */
class RepositoryServiceTest {

    private static final String ARN = "arn:aws:ecr:us-east-1:123456789012:repository/repo1";

    private final RecordingReporter reporter = new RecordingReporter();

    private static FakeClient<EcrClient> existing(String mutability, boolean scan, Tag... tags) {
        Repository repo = Repository.builder().repositoryName("repo1").repositoryArn(ARN)
                .imageTagMutability(mutability).imageScanningConfiguration(c -> c.scanOnPush(scan))
                .encryptionConfiguration(c -> c.encryptionType("AES256")).build();
        return FakeClient.of(EcrClient.class)
                .on("describeRepositories", r -> DescribeRepositoriesResponse.builder().repositories(repo).build())
                .on("listTagsForResource", r -> ListTagsForResourceResponse.builder().tags(tags).build())
                .on("putImageTagMutability", r -> null)
                .on("putImageScanningConfiguration", r -> null)
                .on("tagResource", r -> null);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void whatDiffersIsUpdatedInOneChange() {
        FakeClient<EcrClient> ecr = existing("MUTABLE", false, tag("owner", "ops"), tag("team", "old"));
        RepositorySpec spec = new RepositorySpec("repo1", "IMMUTABLE", true, null, null,
                Map.of("owner", "ops", "team", "platform", "cost", "42"));

        Change change = new RepositoryService(ecr.client(), reporter).ensure(spec, false);

        assertEquals(new Change(Change.Outcome.UPDATED, "repository", "repo1", ARN,
                "imageTagMutability MUTABLE -> IMMUTABLE; scanOnPush false -> true; tags set: cost, team"), change);
        assertEquals(List.of("describeRepositories", "listTagsForResource", "putImageTagMutability",
                "putImageScanningConfiguration", "tagResource"), ecr.operations());
        List<FakeClient.Call> calls = ecr.calls();
        assertEquals("IMMUTABLE", ((PutImageTagMutabilityRequest) calls.get(2).request()).imageTagMutabilityAsString());
        assertEquals(true, ((PutImageScanningConfigurationRequest) calls.get(3).request())
                .imageScanningConfiguration().scanOnPush());
        assertEquals(List.of(tag("cost", "42"), tag("team", "platform")),
                ((TagResourceRequest) calls.get(4).request()).tags(), "only the missing or different tags");
        assertEquals(List.of(), reporter.warnings);
    }

    @Test
    void aConvergedRepositoryIsOnlyRead() {
        FakeClient<EcrClient> ecr = existing("IMMUTABLE", true, tag("team", "platform"));
        RepositorySpec spec = new RepositorySpec("repo1", "IMMUTABLE", true, "AES256", null, Map.of("team", "platform"));

        Change change = new RepositoryService(ecr.client(), reporter).ensure(spec, false);

        assertEquals(Change.unchanged("repository", "repo1", ARN), change);
        assertEquals(List.of("describeRepositories", "listTagsForResource"), ecr.operations());
    }

    @Test
    void unmanagedSettingsAreLeftAlone() {
        FakeClient<EcrClient> ecr = existing("IMMUTABLE", true);

        Change change = new RepositoryService(ecr.client(), reporter).ensure(RepositorySpec.named("repo1"), false);

        assertEquals(Change.Outcome.UNCHANGED, change.outcome());
        assertEquals(List.of("describeRepositories"), ecr.operations());
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndOnlyReads() {
        FakeClient<EcrClient> ecr = existing("MUTABLE", false);
        RepositorySpec spec = new RepositorySpec("repo1", "IMMUTABLE", null, null, null, Map.of("team", "platform"));

        Change change = new RepositoryService(ecr.client(), reporter).ensure(spec, true);

        assertEquals("Would update repository repo1 (imageTagMutability MUTABLE -> IMMUTABLE; tags set: team) [" + ARN
                + "]", change.line());
        assertEquals(List.of("describeRepositories", "listTagsForResource"), ecr.operations());
    }

    @Test
    void aDifferentEncryptionIsAWarningNotAChange() {
        FakeClient<EcrClient> ecr = existing("MUTABLE", false);
        RepositorySpec spec = new RepositorySpec("repo1", null, null, "KMS", "alias/mine", Map.of());

        Change change = new RepositoryService(ecr.client(), reporter).ensure(spec, false);

        assertEquals(Change.Outcome.UNCHANGED, change.outcome());
        assertEquals(List.of("Repository repo1 is encrypted with AES256, not KMS (alias/mine): ECR cannot change "
                + "encryption after creation; recreate the repository to change it"), reporter.warnings);
        assertEquals(List.of("describeRepositories"), ecr.operations());
    }

    /** A repository absent at the first look and present (as declared) at every later one, made by createRepository. */
    private static FakeClient<EcrClient> creating(Object createAnswer) {
        boolean[] made = {false};
        Repository repo = Repository.builder().repositoryName("repo1").repositoryArn(ARN).imageTagMutability("MUTABLE")
                .imageScanningConfiguration(c -> c.scanOnPush(true)).build();
        return FakeClient.of(EcrClient.class)
                .on("describeRepositories", r -> made[0] ? DescribeRepositoriesResponse.builder().repositories(repo)
                        .build() : RepositoryNotFoundException.builder().message("none").build())
                .on("createRepository", r -> {
                    made[0] = true;
                    return createAnswer;
                });
    }

    @Test
    void aRepositoryWhoseCreateAnswerWasLostIsReportedAsCreated() {
        RepositorySpec spec = new RepositorySpec("repo1", null, true, null, null, Map.of());
        // the SDK's retry of a call whose first answer was lost: "already exists" on attempt 2
        FakeClient<EcrClient> retried = creating(RepositoryAlreadyExistsException.builder().message("exists")
                .numAttempts(2).build());
        assertEquals(Change.created("repository", "repo1", ARN),
                new RepositoryService(retried.client(), reporter).ensure(spec, false));

        // every attempt failed without an answer, and a look finds it
        FakeClient<EcrClient> failed = creating(SdkClientException.create("Unable to execute HTTP request: Read timed out"));
        assertEquals(Change.created("repository", "repo1", ARN),
                new RepositoryService(failed.client(), reporter).ensure(spec, false));
        assertEquals(List.of("describeRepositories", "createRepository", "describeRepositories"), failed.operations());
    }

    @Test
    void aRepositoryMadeByAParallelBuildIsNotReportedAsCreated() {
        FakeClient<EcrClient> parallel = creating(RepositoryAlreadyExistsException.builder().message("exists")
                .numAttempts(1).build());
        assertEquals(Change.unchanged("repository", "repo1", ARN), new RepositoryService(parallel.client(), reporter)
                .ensure(new RepositorySpec("repo1", null, true, null, null, Map.of()), false));
    }
}
