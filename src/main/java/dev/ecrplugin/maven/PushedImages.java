package dev.ecrplugin.maven;

import dev.ecrplugin.aws.AwsSettings;
import dev.ecrplugin.ecr.PushedImage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images this build's {@code ecr:push} pushed, one per repository, kept in the Maven session (every goal and
 * module of the build sees them; nothing static): the image {@code ecr:tag} tags when no source is named.
 */
final class PushedImages {

    /**
     * A repository as a goal reaches it: with these AWS settings, in this region, by this name.
     *
     * @param region the region id the repository was asked in
     */
    record Key(AwsSettings aws, String region, String repositoryName) {}

    private PushedImages() {}

    static void record(AbstractEcrMojo goal, Key key, PushedImage pushed) {
        map(goal).put(key, pushed);
    }

    /**
     * What this build pushed to the repository of {@code key} in registry {@code registryId} (null: the caller's own,
     * or whichever registry the push named).
     */
    static Optional<PushedImage> find(AbstractEcrMojo goal, Key key, String registryId) {
        PushedImage pushed = map(goal).get(key);
        if (pushed == null || registryId != null && !registryId.equals(pushed.registryId())) {
            return Optional.empty();
        }
        return Optional.of(pushed);
    }

    private static Map<Key, PushedImage> map(AbstractEcrMojo goal) {
        Objects.requireNonNull(goal);
        return goal.shared("pushed-images", PushedImages.class, k -> new ConcurrentHashMap<Key, PushedImage>());
    }
}
