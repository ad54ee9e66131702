package dev.ecrplugin.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.FakeClient;
import dev.ecrplugin.testing.RecordingReporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** TagService against a fake ECR that holds images by digest and tags: what it reads, what it puts, what it refuses. */
class TagServiceTest {

    private static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final String OTHER = "sha256:" + "b".repeat(64);
    /** Bytes as stored: white space and key order that a re-serialisation would change. */
    private static final String MANIFEST = "{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"" + INDEX_TYPE
            + "\",\n   \"manifests\": []\n}";

    private final RecordingReporter reporter = new RecordingReporter();
    /** tag -> digest, as ECR holds them. */
    private final Map<String, String> tags = new HashMap<>(Map.of("1.0", DIGEST, "old", OTHER));
    private String mutability = "MUTABLE";
    private final FakeClient<EcrClient> ecr = FakeClient.of(EcrClient.class)
            .on("batchGetImage", (BatchGetImageRequest r) -> { // as ECR: each image named by the id asked for
                List<Image> images = new ArrayList<>();
                for (ImageIdentifier id : r.imageIds()) {
                    String digest = id.imageDigest() != null ? id.imageDigest() : tags.get(id.imageTag());
                    if (digest != null && tags.containsValue(digest)) {
                        images.add(Image.builder().repositoryName(r.repositoryName())
                                .imageId(ImageIdentifier.builder().imageDigest(digest).imageTag(id.imageTag()).build())
                                .imageManifest(digest.equals(DIGEST) ? MANIFEST : "{}")
                                .imageManifestMediaType(digest.equals(DIGEST) ? INDEX_TYPE : null).build());
                    }
                }
                return BatchGetImageResponse.builder().images(images).build();
            })
            .on("describeRepositories", r -> DescribeRepositoriesResponse.builder().repositories(Repository.builder()
                    .repositoryName("app").imageTagMutability(mutability).build()).build())
            .on("putImage", (PutImageRequest r) -> {
                tags.put(r.imageTag(), r.imageDigest());
                return PutImageResponse.builder().build();
            });

    private TagService service() {
        return new TagService(ecr.client(), reporter);
    }

    private static TagService.Request bySourceTag(String... tags) {
        return TagService.Request.of("app", null, List.of(tags), "1.0", null, null, false);
    }

    private List<PutImageRequest> puts() {
        return ecr.calls().stream().filter(c -> c.operation().equals("putImage"))
                .map(c -> (PutImageRequest) c.request()).toList();
    }

    @Test
    void putsTheStoredManifestBytesMediaTypeAndDigestUnderEachTag() {
        TagService.Result result = service().tag(bySourceTag("prod", "stable"));

        assertEquals(2, puts().size());
        for (PutImageRequest put : puts()) {
            assertEquals(MANIFEST, put.imageManifest());
            assertEquals(INDEX_TYPE, put.imageManifestMediaType());
            assertEquals(DIGEST, put.imageDigest());
            assertEquals("app", put.repositoryName());
        }
        assertEquals(List.of("prod", "stable"), puts().stream().map(PutImageRequest::imageTag).toList());
        assertEquals(List.of("Created tag app:prod (on " + DIGEST + ")", "Created tag app:stable (on " + DIGEST + ")"),
                result.changes().stream().map(Change::line).toList());
        assertEquals(DIGEST, result.digest());
        assertEquals(INDEX_TYPE, result.mediaType());
        // every read accepts every manifest media type: an index is answered as an index
        ecr.calls().stream().filter(c -> c.operation().equals("batchGetImage"))
                .forEach(c -> assertEquals(TagService.MANIFEST_MEDIA_TYPES,
                        ((BatchGetImageRequest) c.request()).acceptedMediaTypes()));
        assertEquals(List.of("batchGetImage", "batchGetImage", "putImage", "putImage"),
                ecr.operations(), "the source, then both tags in one call; no DescribeRepositories when no tag is on "
                        + "another image");
    }

    @Test
    void theDigestsOfManyTagsAreAskedAHundredTagsACallAndEachCountsForTheTagAskedFor() {
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            asked.add("t" + i);
        }
        tags.put("t7", DIGEST);
        tags.put("t120", OTHER);
        asked.add("t7"); // asked twice: once

        Map<String, String> digests = service().digestsOf("app", null, asked);

        assertEquals(Map.of("t7", DIGEST, "t120", OTHER), digests);
        List<BatchGetImageRequest> calls = ecr.calls().stream().map(c -> (BatchGetImageRequest) c.request()).toList();
        assertEquals(List.of(100, 50), calls.stream().map(c -> c.imageIds().size()).toList());
        assertEquals(asked.subList(0, 150), calls.stream().flatMap(c -> c.imageIds().stream())
                .map(ImageIdentifier::imageTag).toList());
    }

    @Test
    void aTagAlreadyOnTheDigestIsUnchangedAndARerunPutsNothing() {
        service().tag(bySourceTag("prod"));
        int calls = puts().size();

        TagService.Result rerun = service().tag(bySourceTag("prod", "1.0"));

        assertEquals(calls, puts().size(), "no PutImage on the rerun");
        assertEquals(List.of("Tag app:prod already exists, unchanged (on " + DIGEST + ")",
                "Tag app:1.0 already exists, unchanged (on " + DIGEST + ")"),
                rerun.changes().stream().map(Change::line).toList());
    }

    @Test
    void aTagOnAnotherImageMovesInAMutableRepository() {
        TagService.Result result = service().tag(bySourceTag("old"));

        assertEquals(List.of("Updated tag app:old (moved from " + OTHER + " to " + DIGEST + ")"),
                result.changes().stream().map(Change::line).toList());
        assertEquals(DIGEST, tags.get("old"));
    }

    @Test
    void aTagOnAnotherImageInAnImmutableRepositoryFailsBeforeAnyPutImage() {
        mutability = "IMMUTABLE";

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service().tag(bySourceTag("prod", "old")));

        assertEquals("Repository app is IMMUTABLE and already holds tag old (on " + OTHER + ") on another image, so "
                + "it cannot be put on " + DIGEST + ": choose tags that are not in use (<tags>/-Decr.tags), or make "
                + "the repository MUTABLE (ecr:create-repository with <imageTagMutability>MUTABLE"
                + "</imageTagMutability>, -Decr.imageTagMutability=MUTABLE)", e.getMessage());
        assertEquals(List.of(), puts(), "prod is not put either");
        assertEquals(OTHER, tags.get("old"));
    }

    @Test
    void ecrsOwnImmutableRefusalGetsTheSameMessage() {
        ecr.on("putImage", r -> ImageTagAlreadyExistsException.builder().message("tag exists").build());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service().tag(bySourceTag("prod")));

        assertEquals("Repository app is IMMUTABLE and already holds tag prod on another image, so it cannot be put on "
                + DIGEST + ": choose tags that are not in use (<tags>/-Decr.tags), or make the repository MUTABLE "
                + "(ecr:create-repository with <imageTagMutability>MUTABLE</imageTagMutability>, "
                + "-Decr.imageTagMutability=MUTABLE)", e.getMessage());
    }

    @Test
    void imageAlreadyExistsAfterTheLookIsThisRunsOwnPut() {
        ecr.on("putImage", r -> ImageAlreadyExistsException.builder().message("already exists").build());

        TagService.Result result = service().tag(bySourceTag("prod"));

        assertEquals(Change.Outcome.CREATED, result.changes().get(0).outcome());
    }

    @Test
    void aDryRunPrintsThePlanAndPutsNothing() {
        TagService.Result result = service().tag(TagService.Request.of("app", null, List.of("prod", "old", "1.0"),
                null, DIGEST, null, true));

        assertEquals(List.of(), puts());
        assertEquals(List.of("Would create tag app:prod (on " + DIGEST + ")",
                "Would update tag app:old (move from " + OTHER + " to " + DIGEST + ")",
                "Tag app:1.0 already exists, unchanged (on " + DIGEST + ")"),
                result.changes().stream().map(Change::line).toList());
    }

    @Test
    void aSourceEcrDoesNotHoldIsAnErrorNamingTheParameter() {
        InvalidInputException byTag = assertThrows(InvalidInputException.class, () -> service().tag(
                TagService.Request.of("app", null, List.of("prod"), "rc", null, null, false)));
        assertEquals("<sourceTag> 'rc' is not in ECR repository app: name an image the repository holds (aws ecr "
                + "list-images --repository-name app), or push it first (ecr:push)", byTag.getMessage());

        String unknown = "sha256:" + "c".repeat(64);
        InvalidInputException byDigest = assertThrows(InvalidInputException.class, () -> service().tag(
                TagService.Request.of("app", "210987654321", List.of("prod"), null, unknown, null, false)));
        assertEquals("<sourceDigest> '" + unknown + "' is not in ECR repository app registry 210987654321: name an "
                + "image the repository holds (aws ecr list-images --repository-name app), or push it first "
                + "(ecr:push)", byDigest.getMessage());
        assertEquals(List.of(), puts());
    }

    @Test
    void aMissingRepositoryIsAnErrorNamingIt() {
        ecr.on("batchGetImage", r -> RepositoryNotFoundException.builder().message("not found").build());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service().tag(bySourceTag("prod")));

        assertEquals("Repository app does not exist in ECR: push the image to it first (ecr:push), or correct "
                + "<repositoryName>/-Decr.repositoryName", e.getMessage());
    }

    @Test
    void withoutASourceThePushedDigestIsUsedElseTheParametersAreNamed() {
        TagService.Request pushed = TagService.Request.of("app", null, List.of("prod"), " ", "", DIGEST, false);
        assertEquals(DIGEST, pushed.source().digest());
        assertNull(pushed.source().tag());

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TagService.Request.of("app", null, List.of("prod"), null, null, null, false));
        assertEquals("ecr:tag needs the image to tag, and no ecr:push of this build pushed to repository app: set "
                + "<sourceTag> (-Decr.sourceTag) or <sourceDigest> (-Decr.sourceDigest), or run ecr:push for "
                + "repository app earlier in the same build", e.getMessage());
    }

    @Test
    void requestSettingsAreChecked() {
        assertEquals("Set either <sourceTag>/-Decr.sourceTag or <sourceDigest>/-Decr.sourceDigest to name the image "
                + "to tag, not both (tag '1.0', digest '" + DIGEST + "')", assertThrows(InvalidInputException.class,
                () -> TagService.Request.of("app", null, List.of("prod"), "1.0", DIGEST, null, false)).getMessage());
        assertEquals("<tags> is empty: name the tags to add, e.g. prod,stable (POM <tags> or -Decr.tags)",
                assertThrows(InvalidInputException.class,
                        () -> TagService.Request.of("app", null, List.of(" "), "1.0", null, null, false)).getMessage());
        assertEquals("<repositoryName> is required: name the ECR repository that holds the image to tag (POM "
                + "<repositoryName> or -Decr.repositoryName)", assertThrows(InvalidInputException.class,
                () -> TagService.Request.of(null, null, List.of("prod"), "1.0", null, null, false)).getMessage());
        assertThrows(InvalidInputException.class,
                () -> TagService.Request.of("app", null, List.of("-bad"), "1.0", null, null, false));
        assertThrows(InvalidInputException.class,
                () -> TagService.Request.of("app", null, List.of("prod"), null, "sha256:short", null, false));
        assertEquals(List.of("prod", "stable"), TagService.Request.of("app", null,
                List.of(" prod", "stable", "prod"), "1.0", null, null, false).tags());
    }
}
