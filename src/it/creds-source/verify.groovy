def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('AWS credentials from') }
assert lines == [
        '[INFO] AWS credentials from environment variables (default credentials chain), region us-east-1 from <region>/-Decr.region',
        "[INFO] AWS credentials from profile 'usr1', region us-east-1 from <region>/-Decr.region",
]
assert !log.contains('AKIAITCREDSSOURCE001') && !log.contains('it-creds-source-secret')
assert !log.contains(System.getenv('AWS_SECRET_ACCESS_KEY') + ' ')
assert log.contains('[INFO] Created repository it-creds-source')
assert log.contains('[INFO] Repository it-creds-source already exists, unchanged')
true
