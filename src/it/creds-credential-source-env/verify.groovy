import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def roleName = new File(basedir, 'role-name.txt').text.trim()
def session = "arn:aws:sts::123456789012:assumed-role/${roleName}/it-source-env"
try {
    def log = ItLog.of(basedir)
    // both runs took their credentials from the profile, that is from the role it assumes with the environment's keys
    assert log.mentioning('AWS credentials from').size() == 2
    assert log.mentioning('AWS credentials from').every {
        it.startsWith("[INFO] AWS credentials from profile 'deployer', region us-east-1 from ")
    }
    // 1: the role may create the repository
    assert log.contains('[INFO] Created repository it-creds-source-env')
    // 2: the role may not create an IAM policy, which the environment's user may: IAM refused the role's session
    def failures = log.failures()
    assert failures.size() == 1 : failures
    assert failures[0].contains('access denied by ')
    assert failures[0].contains("User: ${session} is not authorized to perform: iam:") : failures[0]
    assert !log.contains('amazonaws.com') : 'an STS call went to AWS instead of <endpoint>'
    assert !log.contains(LocalStack.adminSecretKey()) : "the environment's secret key is in the log"
    // the control: moto enforces IAM (an identity not allowed ecr:CreateRepository is refused) ...
    def nobody = IamFixtures.userWithKey('it-source-env-nobody', IamFixtures.allowing('sts:GetCallerIdentity'))
    EcrFixtures.assertCreateRepositoryDenied(nobody.accessKeyId(), nobody.secretAccessKey(), 'it-creds-source-env-denied')
} finally {
    LocalStack.enforceIam(false)
}
assert EcrFixtures.repositoryExists('it-creds-source-env')
// ... and the policy the role was refused does not exist: the environment's user never made the call itself
assert !IamFixtures.policyExists('it-creds-source-env')
true
