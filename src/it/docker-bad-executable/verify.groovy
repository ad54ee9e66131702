import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('login', 'docker-bad-executable', "Cannot run the docker executable '/nonexistent/docker' (error=2, No such file or directory): install Docker, or set <dockerExecutable>/-Decr.dockerExecutable to the path of docker, podman or nerdctl")
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
true
