import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def one = new File(basedir, 'digest-1.0.txt').text
def two = new File(basedir, 'digest-2.0.txt').text
assert one != two
def log = ItLog.of(basedir)
log.assertFailed('tag', 'tag-bad-immutable', "Repository it-tag-immutable is IMMUTABLE and already holds tag 1.0 "
        + "(on ${one}) on another image, so it cannot be put on ${two}: choose tags that are not in use "
        + "(<tags>/-Decr.tags), or make the repository MUTABLE (ecr:create-repository with "
        + "<imageTagMutability>MUTABLE</imageTagMutability>, -Decr.imageTagMutability=MUTABLE)")
assert log.infos('Created tag') == [] : 'nothing is put before the conflict is found'
// ECR and the registry as before: 1.0 on its image, no prod
assert DockerImages.ecrDigest('it-tag-immutable', '1.0').get() == one
assert DockerImages.registryDigest('it-tag-immutable', '1.0') == one
assert DockerImages.registryDigest('it-tag-immutable', 'prod') == null
def ecr = LocalStack.ecr()
try {
    assert !ecr.describeImages { it.repositoryName('it-tag-immutable') }.imageDetails()*.imageTags().flatten()
            .contains('prod')
} finally {
    ecr.close()
}
true
