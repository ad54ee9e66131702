import dev.ecrplugin.testing.EcrFixtures

def log = new File(basedir, 'build.log').text
assert log.readLines().findAll { it.contains('AWS credentials from') } == [
        "[INFO] AWS credentials from profile 'usr1' (AWS_PROFILE), region us-east-1 from <region>/-Decr.region",
]
assert log.contains('[INFO] Created repository it-creds-aws-profile')
assert !log.contains('it-aws-profile-secret')
assert EcrFixtures.repositoryExists('it-creds-aws-profile')
true
