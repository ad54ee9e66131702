package dev.ecrplugin.docker;

import dev.ecrplugin.aws.AwsErrors;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.ecr.TagService;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * The tags of one push after the image is in ECR: each is put with ECR PutImage of the stored manifest
 * ({@link TagService}) instead of another {@code docker push}. When ECR will not give the manifest (BatchGetImage
 * denied: a push-only policy) or does not hold it, the push falls back to docker for the rest, with one line saying so.
 */
final class ExtraTags {

    private final TagService tags;
    private final String repositoryName;
    private final String registryId;
    private final Reporter reporter;
    private String digest;
    private Image source;
    private boolean unavailable;

    ExtraTags(TagService tags, String repositoryName, String registryId, Reporter reporter) {
        this.tags = Objects.requireNonNull(tags);
        this.repositoryName = Objects.requireNonNull(repositoryName);
        this.registryId = registryId;
        this.reporter = Objects.requireNonNull(reporter);
    }

    /**
     * Puts {@code tag} on the image {@code digest} with PutImage.
     *
     * @param was the digest ECR holds under {@code tag} now, or null
     * @return false when the manifest cannot be read from ECR: push with docker instead
     */
    boolean put(String digest, String tag, String was) {
        Optional<Image> image = source(digest);
        if (image.isEmpty()) {
            return false;
        }
        reporter.debug(tags.put(repositoryName, registryId, image.get(), tag, was).line());
        return true;
    }

    private Optional<Image> source(String wanted) {
        if (unavailable) {
            return Optional.empty();
        }
        if (source != null && wanted.equals(digest)) {
            return Optional.of(source);
        }
        try {
            Optional<Image> found = tags.image(repositoryName, registryId,
                    ImageIdentifier.builder().imageDigest(wanted).build());
            if (found.isEmpty()) {
                reporter.warn("ECR repository " + repositoryName + " does not hold " + wanted + " that docker pushed; "
                        + "pushing the other tags with docker");
                unavailable = true;
                return Optional.empty();
            }
            digest = wanted;
            source = found.get();
            return found;
        } catch (AwsServiceException e) {
            if (!AwsErrors.isAccessDenied(e)) {
                throw e;
            }
            reporter.warn("Could not read the manifest of " + wanted + " from ECR (" + AwsErrors.message(e)
                    + "); pushing the other tags with docker (grant ecr:BatchGetImage to tag them with PutImage)");
            unavailable = true;
            return Optional.empty();
        }
    }
}
