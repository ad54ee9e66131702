import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('pull', 'docker-bad-pull-missing', "docker pull ${registry}/it-bad-pull-missing:no-such-tag: no such image (Error response from daemon: manifest for ${registry}/it-bad-pull-missing:no-such-tag not found: manifest unknown: manifest unknown). Check <repositoryName> and <tag>/<digest>, or <image> for a local image")
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
true
