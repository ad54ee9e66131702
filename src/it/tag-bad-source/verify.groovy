import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
log.assertFailed('tag', 'tag-bad-source', "<sourceTag> 'nope' is not in ECR repository it-tag-source: name an image "
        + "the repository holds (aws ecr list-images --repository-name it-tag-source), or push it first (ecr:push)")
log.assertFailed('tag', 'tag-bad-source', "ecr:tag needs the image to tag, and no ecr:push of this build pushed to "
        + "repository it-tag-source: set <sourceTag> (-Decr.sourceTag) or <sourceDigest> (-Decr.sourceDigest), or run "
        + "ecr:push for repository it-tag-source earlier in the same build")
assert log.failures().size() == 2
def ecr = LocalStack.ecr()
try {
    assert ecr.describeImages { it.repositoryName('it-tag-source') }.imageDetails() == []
} finally {
    ecr.close()
}
true
