package dev.ecrplugin.maven;

import dev.ecrplugin.aws.AwsClients;
import dev.ecrplugin.iam.PolicyService;
import dev.ecrplugin.iam.PolicySpec;
import dev.ecrplugin.policy.PolicyKind;
import dev.ecrplugin.policy.PolicyText;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates a customer-managed IAM policy, or gives an existing one a new default version when its document differs
 * (the tutorial's {@code aws iam create-policy}, idempotent). <code>${aws.accountId}</code>,
 * <code>${aws.region}</code> and <code>${aws.partition}</code> in the document are replaced.
 */
@Mojo(name = "create-policy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class CreatePolicyMojo extends AbstractProvisionMojo {

    /** Required: name of the IAM policy, e.g. authOnly (1-128 letters, digits and +=,.@_-). */
    @Parameter(property = "ecr.policyName")
    protected String policyName;

    /** The policy document: a JSON file, relative to the project directory. Give this or policyDocument. */
    @Parameter(property = "ecr.policyFile")
    protected String policyFile;

    /** The policy document as inline JSON. Give this or policyFile. */
    @Parameter(property = "ecr.policyDocument")
    protected String policyDocument;

    /** Description of the policy, set when it is created (IAM cannot change it later). */
    @Parameter(property = "ecr.policyDescription")
    protected String description;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.create-policy.skip", defaultValue = "false")
    protected boolean skipCreatePolicy;

    @Override
    protected String goalName() {
        return "create-policy";
    }

    @Override
    protected boolean skipGoal() {
        return skipCreatePolicy;
    }

    /** The policy is looked up by its ARN, which holds the account. */
    @Override
    protected boolean needsAccountFirst() {
        return true;
    }

    @Override
    protected void run() {
        PolicySpec.checkName(policyName, "policyName", "ecr.policyName"); // the name first: it is what is missing most
        PolicySpec spec = new PolicySpec(policyName, description,
                PolicyText.load(PolicyKind.IDENTITY, Documents.basedir(basedir), policyFile, policyDocument));
        AwsClients aws = aws();
        report(new PolicyService(aws.iam(), aws.iamSendingOnce(), Documents.placeholders(aws), reporter())
                .ensure(spec, dryRun));
    }
}
