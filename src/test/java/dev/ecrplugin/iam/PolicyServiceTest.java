package dev.ecrplugin.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecrplugin.core.Change;
import dev.ecrplugin.policy.Placeholders;
import dev.ecrplugin.policy.PolicyKind;
import dev.ecrplugin.policy.PolicyText;
import dev.ecrplugin.testing.FakeClient;
import dev.ecrplugin.testing.RecordingReporter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/** PolicyService when IAM's answer to a creating call is lost: what it reports, and what it never repeats. */
class PolicyServiceTest {

    private static final String ARN = "arn:aws:iam::123456789012:policy/p1";
    private static final String OLD = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}]}";
    private static final String NEW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ecr:DescribeRepositories\",\"Resource\":\"*\"}]}";

    /** The name of the IAM client without retries ({@code AwsClients.iamSendingOnce()}) in the fake's calls. */
    private static final String SENDING_ONCE = "sending once";

    private final RecordingReporter reporter = new RecordingReporter();

    private PolicyService service(FakeClient<IamClient> iam) {
        return new PolicyService(iam.client(), iam.client(SENDING_ONCE),
                new Placeholders(() -> "123456789012", () -> "us-east-1", () -> "aws"),
                reporter);
    }

    private static PolicySpec spec(String document) {
        return new PolicySpec("p1", null, PolicyText.inline(PolicyKind.IDENTITY, document));
    }

    /** IAM's policy p1 as state: its versions (documents, URL-encoded as IAM answers them) and default version. */
    private static final class State {
        final List<String> documents = new ArrayList<>();
        int defaultVersion;
        boolean exists;

        Policy policy() {
            return Policy.builder().policyName("p1").arn(ARN).defaultVersionId("v" + defaultVersion).build();
        }

        FakeClient<IamClient> iam() {
            return FakeClient.of(IamClient.class)
                    .on("getPolicy", r -> exists ? GetPolicyResponse.builder().policy(policy()).build()
                            : NoSuchEntityException.builder().message("no policy").build())
                    .on("getPolicyVersion", (GetPolicyVersionRequest r) -> GetPolicyVersionResponse.builder()
                            .policyVersion(PolicyVersion.builder().versionId(r.versionId()).document(URLEncoder.encode(
                                    documents.get(Integer.parseInt(r.versionId().substring(1)) - 1),
                                    StandardCharsets.UTF_8).replace("+", "%20")).build()).build())
                    .on("listPolicyVersions", r -> {
                        List<PolicyVersion> versions = new ArrayList<>();
                        for (int i = 1; i <= documents.size(); i++) {
                            versions.add(PolicyVersion.builder().versionId("v" + i)
                                    .isDefaultVersion(i == defaultVersion).build());
                        }
                        return ListPolicyVersionsResponse.builder().versions(versions).isTruncated(false).build();
                    })
                    .on("deletePolicyVersion", r -> DeletePolicyVersionResponse.builder().build());
        }

        /** CreatePolicyVersion that acts, then loses its answer the first {@code lost} times. */
        FakeClient<IamClient> creatingVersions(int lost) {
            int[] calls = {0};
            return iam().on("createPolicyVersion", (CreatePolicyVersionRequest r) -> {
                documents.add(java.net.URLDecoder.decode(r.policyDocument(), StandardCharsets.UTF_8));
                defaultVersion = documents.size();
                if (calls[0]++ < lost) {
                    return SdkClientException.create("Unable to execute HTTP request: Read timed out");
                }
                return CreatePolicyVersionResponse.builder().policyVersion(PolicyVersion.builder()
                        .versionId("v" + defaultVersion).build()).build();
            });
        }
    }

    @Test
    void aNewVersionWhoseAnswerWasLostIsFoundNotMadeTwice() {
        State state = new State();
        state.exists = true;
        state.documents.add(OLD);
        state.defaultVersion = 1;
        FakeClient<IamClient> iam = state.creatingVersions(1);

        Change change = service(iam).ensure(spec(NEW), false);

        assertEquals(new Change(Change.Outcome.UPDATED, "IAM policy", "p1", ARN, "new default version v2"), change);
        assertEquals(2, state.documents.size(), "one new version, not two");
        assertEquals(1, iam.operations().stream().filter("createPolicyVersion"::equals).count());
        for (FakeClient.Call call : iam.calls()) {
            assertEquals(call.request() instanceof CreatePolicyVersionRequest ? SENDING_ONCE : null, call.via(),
                    call.operation() + ": CreatePolicyVersion goes through the client without retries, the rest not");
        }
    }

    @Test
    void atTheFiveVersionLimitALostAnswerDoesNotEndInLimitExceeded() {
        State state = new State();
        state.exists = true;
        for (int i = 0; i < PolicyService.MAX_VERSIONS; i++) {
            state.documents.add(OLD.replace("*", "arn:aws:ecr:*:*:repository/r" + i));
        }
        state.defaultVersion = 5;
        FakeClient<IamClient> iam = state.creatingVersions(1).on("deletePolicyVersion", r -> {
            state.documents.set(0, "deleted");
            return DeletePolicyVersionResponse.builder().build();
        });

        Change change = service(iam).ensure(spec(NEW), false);

        assertEquals("new default version v6, deleted the oldest version v1", change.detail());
        assertEquals(1, iam.operations().stream().filter("createPolicyVersion"::equals).count());
    }

    @Test
    void aCreateThatFailedWithoutActingIsMadeOnceMore() {
        State state = new State();
        state.exists = true;
        state.documents.add(OLD);
        state.defaultVersion = 1;
        int[] calls = {0};
        FakeClient<IamClient> iam = state.iam().on("createPolicyVersion", (CreatePolicyVersionRequest r) -> {
            if (calls[0]++ == 0) {
                return IamException.builder().statusCode(503).message("unavailable").build(); // did not act
            }
            state.documents.add(NEW);
            state.defaultVersion = 2;
            return CreatePolicyVersionResponse.builder().policyVersion(PolicyVersion.builder().versionId("v2").build())
                    .build();
        });

        assertEquals("new default version v2", service(iam).ensure(spec(NEW), false).detail());
        assertEquals(2, calls[0]);
    }

    @Test
    void aRefusedNewVersionIsNotRepeated() {
        State state = new State();
        state.exists = true;
        state.documents.add(OLD);
        state.defaultVersion = 1;
        FakeClient<IamClient> iam = state.iam().on("createPolicyVersion", r -> IamException.builder().statusCode(400)
                .message("MalformedPolicyDocument").build());

        assertThrows(IamException.class, () -> service(iam).ensure(spec(NEW), false));
        assertEquals(1, iam.operations().stream().filter("createPolicyVersion"::equals).count());
    }

    @Test
    void aPolicyWhoseCreateAnswerWasLostIsReportedAsCreated() {
        State state = new State();
        FakeClient<IamClient> retried = state.iam().on("createPolicy", r -> {
            state.exists = true;
            state.documents.add(OLD);
            state.defaultVersion = 1;
            return EntityAlreadyExistsException.builder().message("A policy called p1 already exists").numAttempts(2)
                    .build();
        });
        assertEquals(Change.created("IAM policy", "p1", ARN), service(retried).ensure(spec(OLD), false));

        State again = new State();
        FakeClient<IamClient> failed = again.iam().on("createPolicy", r -> {
            again.exists = true;
            again.documents.add(OLD);
            again.defaultVersion = 1;
            return SdkClientException.create("Unable to execute HTTP request: Connection reset");
        });
        assertEquals(Change.created("IAM policy", "p1", ARN), service(failed).ensure(spec(OLD), false));
    }

    @Test
    void aPolicyMadeByAParallelBuildIsNotReportedAsCreated() {
        State state = new State();
        FakeClient<IamClient> iam = state.iam().on("createPolicy", r -> {
            state.exists = true;
            state.documents.add(OLD);
            state.defaultVersion = 1;
            return EntityAlreadyExistsException.builder().message("A policy called p1 already exists").numAttempts(1)
                    .build();
        });
        assertEquals(Change.unchanged("IAM policy", "p1", ARN), service(iam).ensure(spec(OLD), false));
    }
}
