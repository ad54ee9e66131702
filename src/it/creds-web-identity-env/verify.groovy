import dev.ecrplugin.testing.EcrFixtures

def log = new File(basedir, 'build.log').text
assert log.readLines().findAll { it.contains('AWS credentials from') } == [
        '[INFO] AWS credentials from a web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN) '
                + '(default credentials chain), region us-east-1 from <region>/-Decr.region',
]
assert log.contains('[INFO] Created repository it-creds-web-identity')
// under -X: neither the token nor the credentials STS returned for it (the response body) are logged
assert !log.contains('eyJhbGciOiJIUzI1NiJ9'), 'the token is never logged'
assert !log.contains('<SecretAccessKey>') && !log.contains('<SessionToken>')
// the plugin builds the STS client of the web identity route itself, with <endpoint> (no AWS_ENDPOINT_URL_STS) and
// its own HTTP client: the SDK never picks one (it says so at DEBUG when it does)
assert !log.contains('The HTTP implementation loaded is')
assert log.contains('[DEBUG] AWS endpoint ' + dev.ecrplugin.testing.LocalStack.endpoint())
assert EcrFixtures.repositoryExists('it-creds-web-identity')
true
