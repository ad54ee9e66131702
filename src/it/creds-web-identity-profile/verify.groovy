import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("[INFO] AWS credentials from profile 'oidc', region us-east-1 from ")
    assert log.contains('[INFO] Created repository it-creds-web-identity-profile')
    assert !log.contains('[ERROR]')
    // the SDK's web identity provider exchanged the token for the role's session credentials (at DEBUG)
    assert log.contains('[DEBUG] Using STS credentials with expiration time of ')
    assert !log.contains('amazonaws.com') : 'the STS call went to AWS instead of <endpoint>'
    assert !log.contains('eyJhbGciOiJIUzI1NiJ9'), 'the token is never logged'
    assert !log.contains('<SecretAccessKey>') && !log.contains('<SessionToken>')
    // the SDK never picked an HTTP client itself (it says so at DEBUG when it does)
    assert !log.contains('The HTTP implementation loaded is')
    // the control: moto enforces IAM, so an identity without ecr:CreateRepository may not create a repository: the
    // build, with no keys of its own (the stack's are blanked, invoker.properties), created it as the profile's role
    def nobody = IamFixtures.userWithKey('it-oidc-profile-nobody', IamFixtures.allowing('sts:GetCallerIdentity'))
    EcrFixtures.assertCreateRepositoryDenied(nobody.accessKeyId(), nobody.secretAccessKey(), 'it-creds-web-identity-denied')
} finally {
    LocalStack.enforceIam(false)
}
assert EcrFixtures.repositoryExists('it-creds-web-identity-profile')
true
