import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

try {
    def log = new File(basedir, 'build.log').text
    assert log.readLines().findAll { it.contains('AWS credentials from') } == [
            '[INFO] AWS credentials from a web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN) '
                    + '(default credentials chain), region us-east-1 from <region>/-Decr.region',
    ]
    assert log.contains('[INFO] Created repository it-creds-web-identity')
    assert !log.contains('[ERROR]')
    // the SDK's web identity provider exchanged the token for the role's session credentials (at DEBUG)
    assert log.contains('[DEBUG] Using STS credentials with expiration time of ')
    // under -X: neither the token nor the credentials STS returned for it (the response body) are logged
    assert !log.contains('eyJhbGciOiJIUzI1NiJ9'), 'the token is never logged'
    assert !log.contains('<SecretAccessKey>') && !log.contains('<SessionToken>')
    // the plugin builds the STS client of the web identity route itself, with <endpoint> (no AWS_ENDPOINT_URL_STS)
    // and its own HTTP client: the SDK never picks one (it says so at DEBUG when it does)
    assert !log.contains('The HTTP implementation loaded is')
    assert !log.contains('amazonaws.com') : 'the STS call went to AWS instead of <endpoint>'
    assert log.contains('[DEBUG] AWS endpoint ' + LocalStack.endpoint())
    // the control: moto enforces IAM, so an identity without ecr:CreateRepository may not create a repository: the
    // build, with no keys of its own (blanked, as on a CI runner with OIDC), created it as the role
    def nobody = IamFixtures.userWithKey('it-oidc-env-nobody', IamFixtures.allowing('sts:GetCallerIdentity'))
    EcrFixtures.assertCreateRepositoryDenied(nobody.accessKeyId(), nobody.secretAccessKey(), 'it-creds-web-identity-denied')
} finally {
    LocalStack.enforceIam(false)
}
assert EcrFixtures.repositoryExists('it-creds-web-identity')
true
