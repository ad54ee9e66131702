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
// the SDK builds this STS client itself: it must find url-connection, the one HTTP client the plugin registers
// (Apache HttpClient 5 is inside the plugin jar for authenticating proxies, without its service entry)
assert log.contains('[DEBUG] The HTTP implementation loaded is '
        + 'software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService')
assert !log.contains('Apache5SdkHttpService')
assert EcrFixtures.repositoryExists('it-creds-web-identity')
true
