import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('login', 'docker-bad-registry-unreachable', "docker login 127.0.0.1:1: registry 127.0.0.1:1 is not reachable (Error response from daemon: Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused). Check <registry>/-Decr.registry and the network")
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
assert log.contains('[WARNING] docker login 127.0.0.1:1 failed (Error response from daemon: Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused); trying again in 1 s (attempt 2 of 2)')
true
