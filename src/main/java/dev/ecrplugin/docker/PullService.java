package dev.ecrplugin.docker;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.ecr.EcrImageRef;
import dev.ecrplugin.ecr.RepositorySpec;
import java.util.Objects;

/** Pulls an image from an ECR repository by tag or digest, and optionally re-tags it locally. */
public final class PullService {

    /**
     * What to pull.
     *
     * @param repositoryName the ECR repository
     * @param tag            the tag, or null when pulling by digest (neither: latest)
     * @param digest         the digest, or null
     * @param targetImage    a local name to tag the pulled image with, or null
     */
    public record Request(String repositoryName, String tag, String digest, EcrImageRef targetImage) {
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
