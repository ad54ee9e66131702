package dev.ecrplugin.maven;

import dev.ecrplugin.aws.AwsClients;
import dev.ecrplugin.iam.CredentialsFile;
import dev.ecrplugin.iam.UserService;
import dev.ecrplugin.iam.UserSpec;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates an IAM user with policies attached, and optionally stores an access key of it in a profile of the AWS
 * shared credentials file (the tutorial's {@code aws iam create-user}, {@code attach-user-policy},
 * {@code create-access-key} and {@code aws configure --profile}, idempotent).
 */
@Mojo(name = "create-user", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class CreateUserMojo extends AbstractProvisionMojo {

    /** Required: name of the IAM user, e.g. usr1. */
    @Parameter(property = "ecr.userName")
    protected String userName;

    /** Customer managed policies of the caller's account to attach, by name (-D: comma-separated). */
    @Parameter(property = "ecr.policyNames")
    protected List<String> policyNames;

    /** Policies to attach, by ARN (-D: comma-separated). */
    @Parameter(property = "ecr.policyArns")
    protected List<String> policyArns;

    /**
     * Profile of the AWS shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials) that must
     * hold an access key of the user; a new key is made only when the profile holds none of the user's keys. The
     * profile is never overwritten when it holds another principal's key (another user's, a temporary STS key, or
     * one IAM does not attribute): the goal fails instead. A key that no longer exists in IAM is replaced.
     */
    @Parameter(property = "ecr.accessKeyProfile")
    protected String accessKeyProfile;

    /** Skip this goal (ecr.skip skips every goal). */
    @Parameter(property = "ecr.create-user.skip", defaultValue = "false")
    protected boolean skipCreateUser;

    @Override
    protected String goalName() {
        return "create-user";
    }

    @Override
    protected boolean skipGoal() {
        return skipCreateUser;
    }

    @Override
    protected void run() {
        UserSpec spec = new UserSpec(userName, policyNames, policyArns, accessKeyProfile);
        AwsClients aws = aws();
        UserService.Result result = new UserService(aws.iam(), aws.iamSendingOnce(), aws.partition(), aws::accountId,
                awsSettings().timeouts().apiCall(), reporter())
                .ensure(spec, credentialsFile(), dryRun);
        report(result.user());
        if (result.accessKey() != null) {
            getLog().info((dryRun ? "[dry run] " : "") + result.accessKey().line());
        }
    }

    /** One instance per file and Maven session, so that parallel goals (-T) wait for each other's edits in-process. */
    private CredentialsFile credentialsFile() {
        return shared("credentials-file", CredentialsFile.sdkDefault().path(), CredentialsFile::new);
    }
}
