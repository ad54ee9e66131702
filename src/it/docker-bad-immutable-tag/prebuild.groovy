import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-bad-immutable')
def ecr = LocalStack.ecr()
try {
    ecr.createRepository { it.repositoryName('it-bad-immutable').imageTagMutability('IMMUTABLE') }
} finally {
    ecr.close()
}
// a colleague's build already pushed another image as 1.0, with the docker CLI
def registry = LocalStack.registry()
def remote = "${registry}/it-bad-immutable:1.0".toString()
DockerImages.removeImages('it-immutable-other:1.0', 'it-immutable-app:1.0', remote)
DockerImages.importImage(basedir, 'it-immutable-other:1.0')
DockerImages.run(DockerImages.PASSWORD, 'login', '--username', 'AWS', '--password-stdin', registry)
DockerImages.docker('tag', 'it-immutable-other:1.0', remote)
DockerImages.docker('push', remote)
def held = DockerImages.ecrDigest('it-bad-immutable', '1.0') // waits for the registry's notification to reach ECR
assert held.isPresent()
new File(basedir, 'held-digest.txt').text = held.get()
DockerImages.removeImages('it-immutable-other:1.0', remote)
// this build's image: other content, same tag
DockerImages.importImage(basedir, 'it-immutable-app:1.0')
true
