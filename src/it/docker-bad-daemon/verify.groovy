import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('push', 'docker-bad-daemon', "docker image inspect it-bad-daemon:1.0: docker cannot reach its daemon (Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. Is the docker daemon running?). Start the Docker Engine, or point the DOCKER_HOST environment variable at a running one")
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
true
