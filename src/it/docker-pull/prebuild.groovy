import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// an image in the registry, pushed with the docker CLI, then gone from the local docker
def registry = LocalStack.registry()
def remote = "${registry}/it-pull:1.0".toString()
EcrFixtures.createRepository('it-pull')
DockerImages.removeImages('it-pull-src:1.0', remote, 'it-pull-local:by-digest', 'it-pull-local:by-tag')
DockerImages.importImage(basedir, 'it-pull-src:1.0')
DockerImages.run(DockerImages.PASSWORD, 'login', '--username', 'AWS', '--password-stdin', registry)
DockerImages.docker('tag', 'it-pull-src:1.0', remote)
DockerImages.docker('push', remote)
def digest = DockerImages.registryDigest('it-pull', '1.0')
assert digest
DockerImages.removeImages('it-pull-src:1.0', remote)
assert !DockerImages.hasImage(remote)
new File(basedir, 'digest.txt').text = digest
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('PULL_DIGEST', digest)
true
