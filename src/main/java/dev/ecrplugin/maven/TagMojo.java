package dev.ecrplugin.maven;

import dev.ecrplugin.core.Strings;
import dev.ecrplugin.docker.RegistryTargets;
import dev.ecrplugin.ecr.PushedImage;
import dev.ecrplugin.ecr.TagService;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adds tags to an image ECR already holds (promotes 1.4.2 to prod, stable), without docker: BatchGetImage, then
 * PutImage of the manifest exactly as stored, so the digest never changes (an image index stays an index). The image
 * is {@code sourceTag} or {@code sourceDigest}, else the one this build's ecr:push pushed to {@code repositoryName}.
 */
@Mojo(name = "tag", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class TagMojo extends AbstractEcrMojo {

    /** Required: the ECR repository that holds the image, e.g. repo1 or team/app. */
    @Parameter(property = "ecr.repositoryName")
    protected String repositoryName;

    /** Required: the tags to add; comma-separated on the command line. */
    @Parameter(property = "ecr.tags")
    protected List<String> tags;

    /** The image to tag, by a tag it has, e.g. 1.4.2. Default: the image this build's ecr:push pushed. */
    @Parameter(property = "ecr.sourceTag")
    protected String sourceTag;

    /**
     * The image to tag, by digest (sha256:...), e.g. ${ecr.imageDigest}. Default: the image this build's ecr:push
     * pushed.
     */
    @Parameter(property = "ecr.sourceDigest")
    protected String sourceDigest;

    /** The ECR registry (account id) of another account that holds the repository. Default: your own. */
    @Parameter(property = "ecr.registryIds")
    protected List<String> registryIds;

    /** Print which tags would be added or moved, and change nothing. */
    @Parameter(property = "ecr.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.tag.skip", defaultValue = "false")
    protected boolean skipTag;

    @Override
    protected String goalName() {
        return "tag";
    }

    @Override
    protected boolean skipGoal() {
        return skipTag;
    }

    @Override
    protected void run() {
        String registryId = RegistryTargets.of(registryIds, null).single("tag");
        String name = Strings.trimToNull(repositoryName);
        boolean sourceNamed = Strings.trimToNull(sourceTag) != null || Strings.trimToNull(sourceDigest) != null;
        PushedImage pushed = name == null || sourceNamed ? null : PushedImages.find(this,
                new PushedImages.Key(awsSettings(), aws().region().id(), name), registryId).orElse(null);
        TagService.Request request = TagService.Request.of(repositoryName,
                registryId != null || pushed == null ? registryId : pushed.registryId(), tags, sourceTag,
                sourceDigest, pushed == null ? null : pushed.digest(), dryRun);
        TagService.Result result = new TagService(aws().ecr(), reporter()).tag(request);
        result.changes().forEach(c -> getLog().info((dryRun ? "[dry run] " : "") + c.line()));
    }
}
