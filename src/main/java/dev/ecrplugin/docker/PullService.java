package dev.ecrplugin.docker;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.core.Strings;
import dev.ecrplugin.ecr.EcrImageRef;
import dev.ecrplugin.ecr.RegistryHost;
import dev.ecrplugin.ecr.RepositorySpec;
import java.util.Objects;

/** Pulls an image from an ECR repository by tag or digest, and optionally re-tags it locally. */
public final class PullService {

    /**
     * What to pull.
     *
     * @param registry       the registry host a full image URI named, or null (the token's, or {@code <registry>})
     * @param repositoryName the ECR repository
     * @param tag            the tag, or null when pulling by digest (neither: latest)
     * @param digest         the digest, or null
     * @param targetImage    a local name to tag the pulled image with, or null
     */
    public record Request(RegistryHost registry, String repositoryName, String tag, String digest,
                          EcrImageRef targetImage) {
        public Request {
            RepositorySpec.checkName(repositoryName, "repositoryName");
            tag = tag == null || tag.isBlank() ? null : tag.trim();
            digest = digest == null || digest.isBlank() ? null : digest.trim();
            if (tag != null && digest != null) {
                throw new InvalidInputException("Set either <tag>/-Decr.tag or <digest>/-Decr.digest to pull, not both "
                        + "(tag '" + tag + "', digest '" + digest + "')");
            }
            if (digest != null) {
                EcrImageRef.checkDigest(digest, "digest");
            } else {
                tag = EcrImageRef.checkTag(tag == null ? "latest" : tag, "tag");
            }
        }

        public Request(String repositoryName, String tag, String digest, EcrImageRef targetImage) {
            this(null, repositoryName, tag, digest, targetImage);
        }

        /**
         * The request for the goal's settings as written: {@code repositoryName} with {@code tag}/{@code digest}, else
         * {@code image} (a full image URI, or a repository with a tag or digest); with {@code repositoryName} set,
         * {@code image} is not read (a POM may configure push's local image for the whole plugin). {@code tag} and
         * {@code digest} may complete an image that has neither, never contradict one.
         */
        public static Request of(String image, String repositoryName, String tag, String digest,
                                 String targetImage) {
            EcrImageRef target = targetImage == null || targetImage.isBlank() ? null
                    : EcrImageRef.parse(targetImage, "targetImage");
            boolean hasRepository = repositoryName != null && !repositoryName.isBlank();
            if (hasRepository) { // <image> may be push's local image, configured for the whole plugin: not read here
                return new Request(null, repositoryName.trim(), tag, digest, target);
            }
            if (image == null || image.isBlank()) {
                throw new InvalidInputException("Name the image to pull: <image>/-Decr.image (a full ECR image URI "
                        + "such as 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0, or app:1.0), or "
                        + "<repositoryName>/-Decr.repositoryName with <tag> or <digest>");
            }
            EcrImageRef ref = EcrImageRef.parse(image, "image");
            if (ref.tag() != null && ref.digest() != null) {
                throw new InvalidInputException("<image> '" + image.trim() + "' names a tag and a digest: pull by "
                        + "one of them (POM <image> or -Decr.image)");
            }
            String fromTag = Strings.trimToNull(tag);
            String fromDigest = Strings.trimToNull(digest);
            if ((ref.tag() != null || ref.digest() != null) && (fromTag != null || fromDigest != null)
                    && !(Objects.equals(ref.tag(), fromTag) && fromDigest == null
                    || Objects.equals(ref.digest(), fromDigest) && fromTag == null)) {
                throw new InvalidInputException("<image> '" + image.trim() + "' names "
                        + (ref.tag() != null ? "tag " + ref.tag() : "digest " + ref.digest()) + " but "
                        + (fromTag != null ? "<tag> is " + fromTag : "<digest> is " + fromDigest) + ": remove "
                        + "<tag>/<digest> (-Decr.tag, -Decr.digest), or make them agree");
            }
            return new Request(ref.registry(), ref.repository(), ref.tag() != null ? ref.tag() : fromTag,
                    ref.digest() != null ? ref.digest() : fromDigest, target);
        }

        /** The image as the user named it (registry host or none, repository, tag or digest), for messages. */
        public EcrImageRef image() {
            return new EcrImageRef(registry, repositoryName, digest == null ? tag : null, digest);
        }
    }

    /**
     * What was pulled.
     *
     * @param ref    the reference pulled, registry/name:tag or registry/name@digest
     * @param digest the digest, when known
     * @param local  the local name it was tagged with, or null
     */
    public record Result(String ref, String digest, String local) {}

    private final DockerCli docker;
    private final Reporter reporter;

    public PullService(DockerCli docker, Reporter reporter) {
        this.docker = Objects.requireNonNull(docker);
        this.reporter = Objects.requireNonNull(reporter);
    }

    public Result pull(Request request, LoginService.Login login) {
        String ref = login.registry() + "/" + request.repositoryName()
                + (request.digest() != null ? "@" + request.digest() : ":" + request.tag());
        String digest = docker.pull(ref);
        if (digest == null) {
            digest = request.digest();
        }
        String local = null;
        if (request.targetImage() != null) {
            local = request.targetImage().toString();
            docker.tag(ref, local);
        }
        reporter.info("Pulled " + ref + (digest == null || request.digest() != null ? "" : " (" + digest + ")")
                + (local == null ? "" : " as " + local));
        return new Result(ref, digest, local);
    }
}
