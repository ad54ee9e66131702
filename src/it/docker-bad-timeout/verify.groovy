import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('pull', 'docker-bad-timeout', "${basedir}/hanging-docker.sh login ${registry} timed out after 1 s: raise <timeout>/-Decr.timeout, or check the network and the docker daemon (DOCKER_HOST)")
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
true
