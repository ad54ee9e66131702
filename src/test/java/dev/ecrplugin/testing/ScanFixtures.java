package dev.ecrplugin.testing;

import java.io.File;
import java.io.IOException;

/**
 * The scan ITs' image: a fresh repository holding a tiny image pushed with the docker CLI to ECR's own host (the
 * stack's registry), once moto knows it (the registry's notification has reached moto), so that the build under
 * test finds it in ECR at once, as it would on AWS after a push.
 */
public final class ScanFixtures {

    private ScanFixtures() {}

    /**
     * Makes {@code repository} afresh and pushes the new local image {@code localImage} to it as {@code tag}; gives
     * the digest ECR and the registry hold. The local image keeps the registry's digest (a later ecr:push of it finds
     * ECR holding it already).
     */
    public static String pushedImage(File basedir, String localImage, String repository, String tag)
            throws IOException, InterruptedException {
        String registry = LocalStack.registry();
        String remote = registry + "/" + repository + ":" + tag;
        EcrFixtures.createRepository(repository);
        DockerImages.removeImages(localImage, remote);
        DockerImages.importImage(basedir, localImage);
        DockerImages.run(DockerImages.PASSWORD, "login", "--username", "AWS", "--password-stdin", registry);
        DockerImages.docker("tag", localImage, remote);
        DockerImages.docker("push", remote);
        String digest = DockerImages.registryDigest(repository, tag);
        if (digest == null) {
            throw new IllegalStateException("the registry holds no " + remote + " after docker push");
        }
        String inEcr = DockerImages.ecrDigest(repository, tag).orElse(null);
        if (!digest.equals(inEcr)) {
            throw new IllegalStateException("moto holds " + inEcr + " for " + repository + ":" + tag + ", not the "
                    + "registry's " + digest);
        }
        return digest;
    }
}
