import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("[INFO] AWS credentials from profile 'dev-sso', region us-east-1 from <region>/-Decr.region")
    assert log.contains("[INFO] AWS credentials from profile 'dev-session', region us-east-1 from <region>/-Decr.region")
    assert log.contains('[INFO] Created repository it-creds-sso ')
    assert log.contains('[INFO] Created repository it-creds-sso-session ')
    // the portal at <endpoint> answered only requests that bore the cached token: one per build
    assert new File(basedir, 'portal/accepted').text.trim() as int == 2
    assert !log.contains('it-sso-access-token') && !log.contains('it-client-secret')
    assert !log.contains('amazonaws.com') : 'an SSO call went to AWS instead of <endpoint>'
} finally {
    LocalStack.enforceIam(false)
}
assert EcrFixtures.repositoryExists('it-creds-sso') && EcrFixtures.repositoryExists('it-creds-sso-session')
true
