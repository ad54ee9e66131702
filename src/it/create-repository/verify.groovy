import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-create-repository'
assert log.contains("[INFO] Created repository it-create-repository [${arn}]")
assert log.contains("[INFO] Repository it-create-repository already exists, unchanged [${arn}]")

def ecr = LocalStack.ecr()
try {
    def repo = ecr.describeRepositories { it.repositoryNames('it-create-repository') }.repositories()[0]
    assert repo.repositoryArn() == arn
    assert repo.imageScanningConfiguration().scanOnPush()
} finally {
    ecr.close()
}
true
