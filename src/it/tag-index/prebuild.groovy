import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.RegistryImages

LocalStack.beforeIt()
EcrFixtures.createRepository('it-tag-index')
def registry = LocalStack.registry()
def remote = "${registry}/it-tag-index".toString()
DockerImages.removeImages('it-index-amd64:1', 'it-index-arm64:1', "${remote}:amd64".toString(),
        "${remote}:arm64".toString(), "${remote}:release".toString())
DockerImages.run(DockerImages.PASSWORD, 'login', '--username', 'AWS', '--password-stdin', registry)
// two images (docker import makes them for this machine's platform; the index only names them per platform)
for (arch in ['amd64', 'arm64']) {
    DockerImages.importImage(basedir, "it-index-${arch}:1".toString())
    DockerImages.docker('tag', "it-index-${arch}:1".toString(), "${remote}:${arch}".toString())
    DockerImages.docker('push', "${remote}:${arch}".toString())
    assert DockerImages.ecrDigest('it-tag-index', arch).isPresent()
}
// the index, put into the registry through its API; the listener records it in ECR
def index = RegistryImages.putIndex('it-tag-index', 'multi', ['linux/amd64': 'amd64', 'linux/arm64': 'arm64'])
assert DockerImages.ecrDigest('it-tag-index', 'multi').orElse(null) == index
new File(basedir, 'index-digest.txt').text = index
true
