import dev.ecrplugin.testing.EcrFixtures

def log = new File(basedir, 'build.log').text
assert log.readLines().findAll { it.contains('AWS credentials from') } == [
        '[INFO] AWS credentials from a web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN) '
                + '(default credentials chain), region us-east-1 from <region>/-Decr.region',
]
assert log.contains('[INFO] Created repository it-creds-web-identity')
assert !log.contains('eyJhbGciOiJIUzI1NiJ9'), 'the token is never logged'
assert EcrFixtures.repositoryExists('it-creds-web-identity')
true
