import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-tag-immutable')
def ecr = LocalStack.ecr()
try {
    ecr.createRepository { it.repositoryName('it-tag-immutable').imageTagMutability('IMMUTABLE') }
} finally {
    ecr.close()
}
// two images, pushed with the docker CLI as 1.0 and 2.0
def registry = LocalStack.registry()
DockerImages.run(DockerImages.PASSWORD, 'login', '--username', 'AWS', '--password-stdin', registry)
for (tag in ['1.0', '2.0']) {
    def remote = "${registry}/it-tag-immutable:${tag}".toString()
    DockerImages.removeImages("it-tag-immutable-app:${tag}".toString(), remote)
    DockerImages.importImage(basedir, "it-tag-immutable-app:${tag}".toString())
    DockerImages.docker('tag', "it-tag-immutable-app:${tag}".toString(), remote)
    DockerImages.docker('push', remote)
    def held = DockerImages.ecrDigest('it-tag-immutable', tag)
    assert held.isPresent()
    new File(basedir, "digest-${tag}.txt").text = held.get()
}
true
