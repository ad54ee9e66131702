package dev.ecrplugin.maven;

import dev.ecrplugin.ecr.RepositoryService;
import dev.ecrplugin.ecr.RepositorySpec;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates an ECR repository, or converges an existing one to the declared tag mutability, scan-on-push and
 * resource tags (the tutorial's {@code aws ecr create-repository}, idempotent).
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
        report(new RepositoryService(aws().ecr(), reporter()).ensure(spec, dryRun));
    }
}
