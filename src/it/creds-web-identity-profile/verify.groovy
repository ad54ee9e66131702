import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] AWS credentials from profile 'oidc', region us-east-1 from ")
assert log.contains('[INFO] Created repository it-creds-web-identity-profile')
assert !log.contains('amazonaws.com') : 'the STS call went to AWS instead of <endpoint>'
assert !log.contains('eyJhbGciOiJIUzI1NiJ9'), 'the token is never logged'
assert !log.contains('<SecretAccessKey>') && !log.contains('<SessionToken>')
// the SDK never picked an HTTP client itself (it says so at DEBUG when it does)
assert !log.contains('The HTTP implementation loaded is')
assert EcrFixtures.repositoryExists('it-creds-web-identity-profile')
true
