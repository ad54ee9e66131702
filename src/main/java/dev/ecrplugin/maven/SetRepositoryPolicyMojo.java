package dev.ecrplugin.maven;

import dev.ecrplugin.ecr.RepositoryPolicyService;
import dev.ecrplugin.ecr.RepositorySpec;
import dev.ecrplugin.policy.PolicyKind;
import dev.ecrplugin.policy.PolicyText;
import java.io.File;
import java.time.Duration;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sets the policy of an ECR repository, only when the current one means something else (the tutorial's
 * {@code aws ecr set-repository-policy}, idempotent). <code>${aws.accountId}</code>,
 * <code>${aws.region}</code> and <code>${aws.partition}</code> in the document are replaced.
 */
@Mojo(name = "set-repository-policy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class SetRepositoryPolicyMojo extends AbstractProvisionMojo {

    /** Required: name of the ECR repository, which must exist (ecr:create-repository). */
    @Parameter(property = "ecr.repositoryName")
    protected String repositoryName;

    /** The repository policy: a JSON file, relative to the project directory. Give this or repositoryPolicyDocument. */
    @Parameter(property = "ecr.repositoryPolicyFile")
    protected String repositoryPolicyFile;

    /** The repository policy as inline JSON. Give this or repositoryPolicyFile. */
    @Parameter(property = "ecr.repositoryPolicyDocument")
    protected String repositoryPolicyDocument;

    /**
     * Seconds to keep retrying while ECR rejects the policy because a principal it names (a user created a moment
     * ago) has not propagated through IAM yet.
     */
    @Parameter(property = "ecr.policyPropagationTimeout", defaultValue = "60")
    protected int policyPropagationTimeout;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.set-repository-policy.skip", defaultValue = "false")
    protected boolean skipSetRepositoryPolicy;

    @Override
    protected String goalName() {
        return "set-repository-policy";
    }

    @Override
    protected boolean skipGoal() {
        return skipSetRepositoryPolicy;
    }

    @Override
    protected void run() {
        RepositorySpec.checkName(repositoryName, "repositoryName"); // before the document and any AWS client
        PolicyText text = PolicyText.load(PolicyKind.REPOSITORY, Documents.basedir(basedir), repositoryPolicyFile,
                repositoryPolicyDocument);
        report(new RepositoryPolicyService(aws().ecr(), Documents.placeholders(aws()), reporter())
                .ensure(repositoryName, text, Duration.ofSeconds(policyPropagationTimeout), dryRun));
    }
}
