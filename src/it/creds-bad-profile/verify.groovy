import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
assert log.failures() == [ItLog.errorLine('create-repository', 'creds-bad-profile',
        "ecr:create-repository: the AWS profile 'usr2' has no credentials in aws-config or aws-credentials (the shared "
        + 'AWS files; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move them). Fix <profile>/-Decr.profile, or add '
        + 'the profile: aws configure --profile usr2')]
assert !log.contains('it-bad-profile-secret')
assert !EcrFixtures.repositoryExists('it-creds-bad-profile')
true
