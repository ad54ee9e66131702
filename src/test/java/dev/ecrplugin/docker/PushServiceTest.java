package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.FakeClient;
import dev.ecrplugin.testing.RecordingReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;

/** PushService's decisions against a fake ECR and a recording docker: which registry it asks, what it refuses. */
class PushServiceTest {

    private static final String OWN = "123456789012";
    private static final String OTHER = "210987654321";
    private static final String DIGEST = "sha256:" + "e".repeat(64);

    private final RecordingReporter reporter = new RecordingReporter();
    private final DockerCliTest.RecordingRunner runner = new DockerCliTest.RecordingRunner();
    private final List<String> accountLookups = new ArrayList<>();
    private final FakeClient<EcrClient> ecr = FakeClient.of(EcrClient.class)
            .on("describeRepositories", r -> DescribeRepositoriesResponse.builder().repositories(Repository.builder()
                    .repositoryName("app").imageTagMutability("MUTABLE").build()).build())
            .on("batchGetImage", r -> BatchGetImageResponse.builder().build());

    private PushService service() {
        DockerCli docker = new DockerCli(new DockerCli.Options("docker", Duration.ofSeconds(30), 0, null), runner,
                reporter, d -> { });
        return new PushService(ecr.client(), docker, () -> new LoginService.Login("127.0.0.1:5000", OTHER), () -> {
            accountLookups.add("sts");
            return OWN;
        }, reporter);
    }

    /** docker answers: image inspect (the local image), tag, push (with the digest). */
    private void dockerPushesOnce() {
        runner.answer(0, "[{\"Id\":\"sha256:1\",\"RepoTags\":[\"app:1.0\"],\"RepoDigests\":[]}]")
                .answer(0)
                .answer(0, "1.0: digest: " + DIGEST + " size: 523");
    }

    @Test
    void anotherAccountsRepositoryIsLookedUpInThatAccount() {
        dockerPushesOnce();

        PushService.Result result = service().push(PushService.Request.of("app:1.0", null, null, false, OTHER, null));

        assertEquals(List.of("describeRepositories", "batchGetImage"), ecr.operations());
        assertEquals(OTHER, ((DescribeRepositoriesRequest) ecr.calls().get(0).request()).registryId());
        assertEquals(OTHER, ((BatchGetImageRequest) ecr.calls().get(1).request()).registryId());
        assertEquals(DIGEST, result.digest());
        assertEquals(List.of(), accountLookups, "no STS call when nothing is to be created");
    }

    @Test
    void theOwnRegistryIsAskedWithoutARegistryId() {
        dockerPushesOnce();

        service().push(PushService.Request.of("app:1.0", null, null, false, null, null));

        assertNull(((DescribeRepositoriesRequest) ecr.calls().get(0).request()).registryId());
    }

    @Test
    void creatingARepositoryInAnotherAccountsRegistryIsRefusedBeforeAnything() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service().push(PushService.Request.of("app:1.0", null, null, true, OTHER, null)));

        assertEquals("<createRepository> creates repositories in your own account (123456789012) only, but the push "
                + "goes to registry 210987654321: create repository app in account 210987654321 first and remove "
                + "<createRepository>/-Decr.createRepository, or push to your own registry", e.getMessage());
        assertEquals(List.of(), ecr.operations());
        assertEquals(List.of(), runner.commands);
    }

    @Test
    void creatingARepositoryInTheOwnRegistryNamedByIdIsAllowed() {
        dockerPushesOnce();

        service().push(PushService.Request.of("app:1.0", null, null, true, OWN, null));

        assertEquals(List.of("sts"), accountLookups);
        assertEquals(OWN, ((DescribeRepositoriesRequest) ecr.calls().get(0).request()).registryId());
    }

    @Test
    void requestDefaultsComeFromTheImage() {
        PushService.Request plain = PushService.Request.of("team/app:1.0", " ", null, false, null, null);
        assertEquals("team/app", plain.repositoryName());
        assertEquals(List.of("1.0"), plain.tags());
        assertNull(plain.registryId());

        PushService.Request untagged = PushService.Request.of("app", "other", List.of(" ", ""), false, OTHER, null);
        assertEquals("other", untagged.repositoryName());
        assertEquals(List.of("latest"), untagged.tags());
        assertEquals(OTHER, untagged.registryId());

        PushService.Request uri = PushService.Request.of(OTHER + ".dkr.ecr.eu-west-1.amazonaws.com/app:2",
                null, List.of(" 2 ", "stable", "2"), false, null, null);
        assertEquals(OTHER, uri.registryId());
        assertEquals("app", uri.repositoryName());
        assertEquals(List.of("2", "stable"), uri.tags());
    }

    @Test
    void anImageUriAndRegistryIdsThatDisagreeAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PushService.Request.of(
                OTHER + ".dkr.ecr.eu-west-1.amazonaws.com/app:2", null, null, false, OWN, null));
        assertTrue(e.getMessage().contains("is in ECR registry 210987654321 but <registryIds> names 123456789012"),
                e.getMessage());
    }

    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":"
            + "\"application/vnd.docker.distribution.manifest.v2+json\"}";

    /** ECR holds what docker pushed: asked by digest, it answers the manifest; by tag, nothing yet. */
    private void ecrHoldsWhatDockerPushed() {
        ecr.on("batchGetImage", (BatchGetImageRequest r) -> r.imageIds().get(0).imageDigest() == null
                ? BatchGetImageResponse.builder().build()
                : BatchGetImageResponse.builder().images(Image.builder().imageId(ImageIdentifier.builder()
                        .imageDigest(DIGEST).build()).imageManifest(MANIFEST)
                        .imageManifestMediaType("application/vnd.docker.distribution.manifest.v2+json").build())
                        .build())
                .on("putImage", r -> PutImageResponse.builder().build());
    }

    @Test
    void severalTagsAreOneDockerPushThenPutImagePerFurtherTag() {
        ecrHoldsWhatDockerPushed();
        dockerPushesOnce();

        PushService.Result result = service().push(PushService.Request.of("app:1.0", null,
                List.of("1.0", "prod", "stable"), false, null, null));

        assertEquals(List.of(List.of("docker", "image", "inspect", "app:1.0"),
                List.of("docker", "tag", "app:1.0", "127.0.0.1:5000/app:1.0"),
                List.of("docker", "push", "127.0.0.1:5000/app:1.0")),
                runner.commands.stream().map(CommandRunner.Command::argv).toList(), "one docker push");
        List<PutImageRequest> puts = ecr.calls().stream().filter(c -> c.operation().equals("putImage"))
                .map(c -> (PutImageRequest) c.request()).toList();
        assertEquals(List.of("prod", "stable"), puts.stream().map(PutImageRequest::imageTag).toList());
        puts.forEach(p -> assertEquals(MANIFEST, p.imageManifest()));
        puts.forEach(p -> assertEquals(DIGEST, p.imageDigest()));
        assertEquals(List.of("Pushed 127.0.0.1:5000/app:1.0 (" + DIGEST + ")",
                "Tagged 127.0.0.1:5000/app:prod (" + DIGEST + ") with ECR PutImage, no docker push",
                "Tagged 127.0.0.1:5000/app:stable (" + DIGEST + ") with ECR PutImage, no docker push"),
                reporter.infos.stream().filter(l -> l.startsWith("Pushed") || l.startsWith("Tagged")).toList());
        assertEquals(List.of("1.0", "prod", "stable"), result.pushed());
        assertEquals(2, ecr.operations().stream().filter(o -> o.equals("batchGetImage")).count(),
                "the tags' digests in one call, then the manifest once, after the push");
    }

    @Test
    void oneBatchGetImageAsksForEveryTagAndEachAnswerCountsForItsOwnTag() {
        String other = "sha256:" + "f".repeat(64);
        // as ECR answers: each image found named by the tag asked for (prod is another image), stable is missing
        ecr.on("batchGetImage", (BatchGetImageRequest r) -> BatchGetImageResponse.builder()
                .images(image("1.0", DIGEST), image("prod", other)).failures(ImageFailure.builder()
                        .imageId(ImageIdentifier.builder().imageTag("stable").build()).failureCode("ImageNotFound")
                        .build()).build())
                .on("putImage", r -> PutImageResponse.builder().build());
        runner.answer(0, "[{\"Id\":\"sha256:1\",\"RepoTags\":[\"app:1.0\"],\"RepoDigests\":"
                + "[\"127.0.0.1:5000/app@" + DIGEST + "\"]}]");

        PushService.Result result = service().push(PushService.Request.of("app:1.0", null,
                List.of("1.0", "prod", "stable"), false, null, null));

        List<BatchGetImageRequest> asked = ecr.calls().stream().filter(c -> c.operation().equals("batchGetImage"))
                .map(c -> (BatchGetImageRequest) c.request()).toList();
        assertEquals(2, asked.size(), "the tags' digests in one call, then the manifest for PutImage");
        assertEquals(List.of("1.0", "prod", "stable"),
                asked.get(0).imageIds().stream().map(ImageIdentifier::imageTag).toList());
        assertEquals(List.of(List.of("docker", "image", "inspect", "app:1.0")),
                runner.commands.stream().map(CommandRunner.Command::argv).toList(), "no docker push");
        assertEquals(List.of("ECR repository app already holds 1.0 as " + DIGEST + "; push skipped",
                "Tagged 127.0.0.1:5000/app:prod (" + DIGEST + ") with ECR PutImage, no docker push",
                "Tagged 127.0.0.1:5000/app:stable (" + DIGEST + ") with ECR PutImage, no docker push"),
                reporter.infos.stream().filter(l -> l.startsWith("ECR") || l.startsWith("Tagged")).toList());
        assertEquals(List.of("prod", "stable"), result.pushed());
    }

    private static Image image(String tag, String digest) {
        return Image.builder().imageId(ImageIdentifier.builder().imageDigest(digest).imageTag(tag).build())
                .imageManifest(MANIFEST).imageManifestMediaType("application/vnd.docker.distribution.manifest.v2+json")
                .build();
    }

    @Test
    void withoutBatchGetImageEveryTagIsPushedWithDocker() {
        ecr.on("batchGetImage", r -> EcrException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDeniedException").errorMessage("not authorized to perform: ecr:BatchGetImage")
                .build()).build());
        dockerPushesOnce();
        runner.answer(0).answer(0, "prod: digest: " + DIGEST + " size: 523");

        service().push(PushService.Request.of("app:1.0", null, List.of("1.0", "prod"), false, null, null));

        assertEquals(2, runner.commands.stream().filter(c -> c.argv().get(1).equals("push")).count());
        assertEquals(List.of(), ecr.calls().stream().filter(c -> c.operation().equals("putImage")).toList());
        assertTrue(reporter.warnings.stream().anyMatch(w -> w.startsWith("Could not read the manifest of " + DIGEST
                + " from ECR (not authorized to perform: ecr:BatchGetImage); pushing the other tags with docker")),
                reporter.warnings.toString());
    }
}
