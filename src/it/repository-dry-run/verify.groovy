import dev.ecrplugin.testing.LocalStack
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-repository-dry-run'
def info = log.readLines().findAll { it.startsWith('[INFO] ') && it.contains('it-repository-dry-run') }
assert info == [
        "[INFO] [dry run] Would update repository it-repository-dry-run (imageTagMutability MUTABLE -> IMMUTABLE; tags set: team) [${arn}]",
        '[INFO] [dry run] Would create repository it-repository-dry-run-new',
].collect { it.toString() }
def ecr = LocalStack.ecr()
try {
    def repo = ecr.describeRepositories { it.repositoryNames('it-repository-dry-run') }.repositories()[0]
    assert repo.imageTagMutabilityAsString() == 'MUTABLE'
    assert ecr.listTagsForResource { it.resourceArn(arn) }.tags().isEmpty()
    try {
        ecr.describeRepositories { it.repositoryNames('it-repository-dry-run-new') }
        assert false : 'it-repository-dry-run-new was created'
    } catch (RepositoryNotFoundException expected) {
    }
} finally {
    ecr.close()
}
true
