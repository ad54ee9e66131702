package dev.ecrplugin.ecr;

import dev.ecrplugin.aws.AwsErrors;
import dev.ecrplugin.core.Change;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.core.Strings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Adds tags to an image ECR already holds, without docker (AWS's "retag an image"): BatchGetImage of the source with
 * every manifest media type accepted, then PutImage of the manifest bytes and media type exactly as stored, so an
 * image index stays an index and the digest never changes. A tag already on that digest is unchanged; a tag on
 * another image moves, except in an IMMUTABLE repository (an error that names the tag, before any PutImage).
 *
 * <p>PutImage under one tag is idempotent in effect: a repeat (the SDK's retry after a lost answer) fails with
 * ImageAlreadyExists, which after the look that found the tag elsewhere means this run put it: "Created".
 */
public final class TagService {

    /** The most image ids one BatchGetImage may ask (ECR's limit). */
    static final int MAX_IMAGE_IDS = 100;

    /** Every manifest media type ECR stores: BatchGetImage answers only with those it is told the caller accepts. */
    public static final List<String> MANIFEST_MEDIA_TYPES = List.of(
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v1+prettyjws");

    static final String KIND = "tag";

    /**
     * The image to tag: by tag or by digest, and the setting that named it, for messages.
     *
     * @param tag         the source tag, or null
     * @param digest      the source digest, or null
     * @param description the setting that named it, e.g. {@code <sourceTag> 'rc'}
     */
    public record Source(String tag, String digest, String description) {
        public Source {
            if ((tag == null) == (digest == null)) {
                throw new IllegalArgumentException("a source has a tag or a digest");
            }
            Objects.requireNonNull(description, "description");
        }

        ImageIdentifier id() {
            return tag != null ? ImageIdentifier.builder().imageTag(tag).build()
                    : ImageIdentifier.builder().imageDigest(digest).build();
        }
    }

    /**
     * What to tag.
     *
     * @param repositoryName the ECR repository holding the image
     * @param registryId     its registry (account), or null for the caller's
     * @param tags           the tags to add (at least one)
     * @param source         the image
     * @param dryRun         print the plan, call no PutImage
     */
    public record Request(String repositoryName, String registryId, List<String> tags, Source source,
                          boolean dryRun) {
        public Request {
            RepositorySpec.checkName(repositoryName, "repositoryName");
            tags = List.copyOf(new LinkedHashSet<>(tags));
            if (tags.isEmpty()) {
                throw new InvalidInputException("<tags> is empty: name the tags to add, e.g. prod,stable (POM <tags> "
                        + "or -Decr.tags)");
            }
            tags.forEach(t -> EcrImageRef.checkTag(t, "tags"));
            Objects.requireNonNull(source, "source");
        }

        /**
         * The request for the goal's settings as written (blanks mean unset).
         *
         * @param sourceTag    {@code <sourceTag>}, or null
         * @param sourceDigest {@code <sourceDigest>}, or null
         * @param pushedDigest the digest this build's ecr:push recorded for the repository, or null
         */
        public static Request of(String repositoryName, String registryId, List<String> tags, String sourceTag,
                                 String sourceDigest, String pushedDigest, boolean dryRun) {
            String name = Strings.trimToNull(repositoryName);
            if (name == null) {
                throw new InvalidInputException("<repositoryName> is required: name the ECR repository that holds the "
                        + "image to tag (POM <repositoryName> or -Decr.repositoryName)");
            }
            List<String> tagList = tags == null ? List.of() : tags.stream().map(Strings::trimToNull)
                    .filter(Objects::nonNull).toList();
            String byTag = Strings.trimToNull(sourceTag);
            String byDigest = Strings.trimToNull(sourceDigest);
            Source source;
            if (byTag != null && byDigest != null) {
                throw new InvalidInputException("Set either <sourceTag>/-Decr.sourceTag or <sourceDigest>/"
                        + "-Decr.sourceDigest to name the image to tag, not both (tag '" + byTag + "', digest '"
                        + byDigest + "')");
            } else if (byTag != null) {
                source = new Source(EcrImageRef.checkTag(byTag, "sourceTag"), null, "<sourceTag> '" + byTag + "'");
            } else if (byDigest != null) {
                source = new Source(null, EcrImageRef.checkDigest(byDigest, "sourceDigest"),
                        "<sourceDigest> '" + byDigest + "'");
            } else if (pushedDigest != null) {
                source = new Source(null, pushedDigest, "the image ecr:push pushed in this build (" + pushedDigest
                        + ")");
            } else {
                throw new InvalidInputException("ecr:tag needs the image to tag, and no ecr:push of this build pushed "
                        + "to repository " + name + ": set <sourceTag> (-Decr.sourceTag) or <sourceDigest> "
                        + "(-Decr.sourceDigest), or run ecr:push for repository " + name + " earlier in the same build");
            }
            return new Request(name, Strings.trimToNull(registryId), tagList, source, dryRun);
        }
    }

    /**
     * What was tagged.
     *
     * @param digest    the image's digest
     * @param mediaType its manifest media type, or null where ECR names none
     * @param changes   one per tag, in the order asked
     */
    public record Result(String digest, String mediaType, List<Change> changes) {}

    private final EcrClient ecr;
    private final Reporter reporter;

    public TagService(EcrClient ecr, Reporter reporter) {
        this.ecr = Objects.requireNonNull(ecr);
        this.reporter = Objects.requireNonNull(reporter);
    }

    public Result tag(Request request) {
        String name = request.repositoryName();
        Image source;
        try {
            source = image(name, request.registryId(), request.source().id()).orElseThrow(() ->
                    new InvalidInputException(request.source().description() + " is not in ECR repository " + name
                            + inRegistry(request.registryId()) + ": name an image the repository holds (aws ecr "
                            + "list-images --repository-name " + name + "), or push it first (ecr:push)"));
        } catch (RepositoryNotFoundException e) {
            throw new InvalidInputException("Repository " + name + " does not exist in ECR"
                    + inRegistry(request.registryId()) + ": push the image to it first (ecr:push), or correct "
                    + "<repositoryName>/-Decr.repositoryName", e);
        }
        String digest = source.imageId().imageDigest();
        reporter.debug("Source " + request.source().description() + ": " + name + "@" + digest + " ("
                + source.imageManifestMediaType() + ")");

        Map<String, String> current = digestsOf(name, request.registryId(), request.tags());
        List<String> moving = request.tags().stream()
                .filter(t -> current.get(t) != null && !current.get(t).equals(digest)).toList();
        if (!moving.isEmpty() && immutable(request)) {
            throw immutableConflict(name, moving.stream().map(t -> t + " (on " + current.get(t) + ")").toList(),
                    digest, null);
        }

        List<Change> changes = new ArrayList<>();
        for (String tag : request.tags()) {
            String was = current.get(tag);
            if (digest.equals(was)) {
                changes.add(new Change(Change.Outcome.UNCHANGED, KIND, name + ":" + tag, null, "on " + digest));
            } else if (request.dryRun()) {
                changes.add(was == null
                        ? new Change(Change.Outcome.WOULD_CREATE, KIND, name + ":" + tag, null, "on " + digest)
                        : new Change(Change.Outcome.WOULD_UPDATE, KIND, name + ":" + tag, null,
                                "move from " + was + " to " + digest));
            } else {
                changes.add(put(name, request.registryId(), source, tag, was));
            }
        }
        return new Result(digest, source.imageManifestMediaType(), List.copyOf(changes));
    }

    /**
     * The digest each of {@code tags} names in the repository (absent: ECR holds no such tag), asked in one
     * BatchGetImage per {@value #MAX_IMAGE_IDS} tags, with every manifest media type accepted: ECR names each image
     * of its answer by the id asked for, a tag it does not hold is a failure of the answer.
     */
    public Map<String, String> digestsOf(String repositoryName, String registryId, List<String> tags) {
        List<String> distinct = tags.stream().distinct().toList();
        Map<String, String> digests = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_IMAGE_IDS) {
            List<ImageIdentifier> ids = distinct.subList(from, Math.min(distinct.size(), from + MAX_IMAGE_IDS))
                    .stream().map(tag -> ImageIdentifier.builder().imageTag(tag).build()).toList();
            ecr.batchGetImage(r -> r.repositoryName(repositoryName).registryId(registryId).imageIds(ids)
                    .acceptedMediaTypes(MANIFEST_MEDIA_TYPES)).images()
                    .forEach(i -> digests.putIfAbsent(i.imageId().imageTag(), i.imageId().imageDigest()));
        }
        return digests;
    }

    /**
     * The image {@code id} names in the repository (BatchGetImage with every manifest media type accepted), or empty
     * when ECR holds none.
     */
    public Optional<Image> image(String repositoryName, String registryId, ImageIdentifier id) {
        return ecr.batchGetImage(r -> r.repositoryName(repositoryName).registryId(registryId).imageIds(id)
                .acceptedMediaTypes(MANIFEST_MEDIA_TYPES)).images().stream().findFirst();
    }

    /**
     * PutImage of {@code source}'s manifest bytes and media type, with its digest, under {@code tag}.
     *
     * @param was the digest the tag is on now, or null where it is on none
     */
    public Change put(String repositoryName, String registryId, Image source, String tag, String was) {
        String digest = source.imageId().imageDigest();
        String name = repositoryName + ":" + tag;
        try {
            ecr.putImage(r -> r.repositoryName(repositoryName).registryId(registryId)
                    .imageManifest(source.imageManifest())
                    .imageManifestMediaType(source.imageManifestMediaType())
                    .imageDigest(digest).imageTag(tag));
        } catch (ImageAlreadyExistsException e) {
            // the tag was not on this digest when looked at: this run's own call (a retry after a lost answer) put it
            reporter.debug("PutImage " + name + ": " + AwsErrors.message(e) + " (this run's earlier attempt)");
        } catch (ImageTagAlreadyExistsException e) {
            throw immutableConflict(repositoryName, List.of(tag + (was == null ? "" : " (on " + was + ")")), digest,
                    e);
        }
        return was == null ? new Change(Change.Outcome.CREATED, KIND, name, null, "on " + digest)
                : new Change(Change.Outcome.UPDATED, KIND, name, null, "moved from " + was + " to " + digest);
    }

    /** Whether the repository's tags are immutable; false when the caller may not look (PutImage then says). */
    private boolean immutable(Request request) {
        try {
            return new RepositoryService(ecr, reporter).find(request.registryId(), request.repositoryName())
                    .map(Repository::imageTagMutabilityAsString).map("IMMUTABLE"::equals).orElse(false);
        } catch (AwsServiceException e) {
            if (!AwsErrors.isAccessDenied(e)) {
                throw e;
            }
            reporter.debug("Could not read the tag mutability of " + request.repositoryName() + ": "
                    + AwsErrors.message(e));
            return false;
        }
    }

    private static InvalidInputException immutableConflict(String repositoryName, List<String> tags, String digest,
                                                           Exception cause) {
        return new InvalidInputException("Repository " + repositoryName + " is IMMUTABLE and already holds "
                + (tags.size() == 1 ? "tag " : "tags ") + String.join(", ", tags) + " on another image, so it cannot "
                + "be put on " + digest + ": choose tags that are not in use (<tags>/-Decr.tags), or make the "
                + "repository MUTABLE (ecr:create-repository with <imageTagMutability>MUTABLE</imageTagMutability>, "
                + "-Decr.imageTagMutability=MUTABLE)", cause);
    }

    private static String inRegistry(String registryId) {
        return registryId == null ? "" : " registry " + registryId;
    }
}
