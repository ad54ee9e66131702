import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-repository-converge'
def info = log.readLines().findAll { it.startsWith('[INFO] ') && it.contains('it-repository-converge') }
assert info == [
        "[INFO] Updated repository it-repository-converge (imageTagMutability MUTABLE -> IMMUTABLE; scanOnPush false -> true; tags set: team) [${arn}]",
        "[INFO] Repository it-repository-converge already exists, unchanged [${arn}]",
].collect { it.toString() }
assert !log.contains('[WARNING]')
def ecr = LocalStack.ecr()
try {
    def repo = ecr.describeRepositories { it.repositoryNames('it-repository-converge') }.repositories()[0]
    assert repo.imageTagMutabilityAsString() == 'IMMUTABLE'
    assert repo.imageScanningConfiguration().scanOnPush()
    def tags = ecr.listTagsForResource { it.resourceArn(arn) }.tags().collectEntries { [(it.key()): it.value()] }
    assert tags == [owner: 'ops', team: 'platform'] : 'the missing tag was added, the other kept'
} finally {
    ecr.close()
}
true
