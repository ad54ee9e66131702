def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('AWS credentials from') }
assert lines == [
        '[INFO] AWS credentials from environment variables (default credentials chain), region us-east-1 from <region>/-Decr.region',
        "[INFO] AWS credentials from profile 'usr1', region us-east-1 from <region>/-Decr.region",
]
// neither run's keys anywhere in the log (invoker.properties gives the environment keys unique values to look for)
for (secret in ['AKIAITCREDSSOURCE001', 'it-creds-source-secret', 'AKIAITCREDSSOURCEENV1', 'it-creds-source-env-secret']) {
    assert !log.contains(secret)
}
assert log.contains('[INFO] Created repository it-creds-source')
assert log.contains('[INFO] Repository it-creds-source already exists, unchanged')
true
