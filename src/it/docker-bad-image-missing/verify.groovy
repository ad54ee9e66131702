import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('push', 'docker-bad-image-missing', "<image> 'it-bad-no-such-image:1.0' is not in the local docker: build it first, or set <image>/-Decr.image to an image that 'docker images' lists")
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
assert !DockerImages.repositoryExists('it-bad-image-missing')
true
