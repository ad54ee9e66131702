import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-repository-encryption'
def lines = log.readLines().findAll { (it.startsWith('[INFO] ') || it.startsWith('[WARNING] ')) && it.contains('it-repository-encryption') }
assert lines == [
        '[WARNING] Repository it-repository-encryption is encrypted with AES256, not KMS: ECR cannot change encryption after creation; recreate the repository to change it',
        "[INFO] Repository it-repository-encryption already exists, unchanged [${arn}]",
].collect { it.toString() }
assert log.contains('BUILD SUCCESS')
def ecr = LocalStack.ecr()
try {
    def repo = ecr.describeRepositories { it.repositoryNames('it-repository-encryption') }.repositories()[0]
    assert repo.encryptionConfiguration().encryptionTypeAsString() == 'AES256'
} finally {
    ecr.close()
}
true
