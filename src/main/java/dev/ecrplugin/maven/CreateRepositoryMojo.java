package dev.ecrplugin.maven;

import dev.ecrplugin.ecr.LifecyclePolicyService;
import dev.ecrplugin.ecr.RepositoryService;
import dev.ecrplugin.ecr.RepositorySpec;
import dev.ecrplugin.policy.LifecyclePolicy;
import java.io.File;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates an ECR repository, or converges an existing one to the declared tag mutability, scan-on-push and
 * resource tags (the tutorial's {@code aws ecr create-repository}, idempotent), and its lifecycle policy when one is
 * given (checked before any AWS call).
 */
@Mojo(name = "create-repository", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class CreateRepositoryMojo extends AbstractProvisionMojo {

    /** Required: name of the ECR repository, e.g. repo1 or team/app. */
    @Parameter(property = "ecr.repositoryName")
    protected String repositoryName;

    /** MUTABLE or IMMUTABLE. Default: leave as is (MUTABLE on creation). */
    @Parameter(property = "ecr.imageTagMutability")
    protected String imageTagMutability;

    /** Scan images on push. Default: leave as is (false on creation). */
    @Parameter(property = "ecr.scanOnPush")
    protected Boolean scanOnPush;

    /** AES256, KMS or KMS_DSSE; fixed at creation. Default: AES256. */
    @Parameter(property = "ecr.encryptionType")
    protected String encryptionType;

    /** KMS key id or ARN, with encryptionType KMS or KMS_DSSE. */
    @Parameter(property = "ecr.kmsKey")
    protected String kmsKey;

    /**
     * Resource tags the repository must carry; tags not listed are left alone. The one parameter without a
     * {@code -D} property: Maven cannot set a map from a user property, so give the tags in the POM
     * ({@code <resourceTags><team>a</team></resourceTags>}).
     */
    @Parameter
    protected Map<String, String> resourceTags;

    /**
     * The repository's lifecycle policy (image expiry rules): a JSON file, relative to the project directory. Give
     * this or lifecyclePolicyDocument, or neither to leave the repository's lifecycle policy as it is.
     */
    @Parameter(property = "ecr.lifecyclePolicyFile")
    protected String lifecyclePolicyFile;

    /** The repository's lifecycle policy as inline JSON. Give this or lifecyclePolicyFile. */
    @Parameter(property = "ecr.lifecyclePolicyDocument")
    protected String lifecyclePolicyDocument;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.create-repository.skip", defaultValue = "false")
    protected boolean skipCreateRepository;

    @Override
    protected String goalName() {
        return "create-repository";
    }

    @Override
    protected boolean skipGoal() {
        return skipCreateRepository;
    }

    @Override
    protected void run() {
        RepositorySpec spec = new RepositorySpec(repositoryName, imageTagMutability, scanOnPush, encryptionType, kmsKey,
                resourceTags);
        // checked before any AWS call: a bad policy leaves the repository uncreated
        Optional<LifecyclePolicy> lifecycle = LifecyclePolicy.load(Documents.basedir(basedir), lifecyclePolicyFile,
                lifecyclePolicyDocument);
        report(new RepositoryService(aws().ecr(), reporter()).ensure(spec, dryRun));
        lifecycle.ifPresent(policy -> report(new LifecyclePolicyService(aws().ecr(), reporter())
                .ensure(spec.name(), policy, dryRun)));
    }
}
