import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:create-repository '
        + "(default-cli) on project creds-bad-profile: ecr:create-repository: the AWS profile 'usr2' has no "
        + 'credentials in aws-config or aws-credentials (the shared AWS files; AWS_CONFIG_FILE and '
        + 'AWS_SHARED_CREDENTIALS_FILE move them). Fix <profile>/-Decr.profile, or add the profile: aws configure '
        + '--profile usr2 -> [Help 1]')
assert !log.contains('it-bad-profile-secret')

def ecr = LocalStack.ecr()
try {
    assert !ecr.describeRepositories().repositories().any { it.repositoryName() == 'it-creds-bad-profile' }
} finally {
    ecr.close()
}
true
