import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('pull', 'docker-bad-tag-and-digest', "Set either <tag>/-Decr.tag or <digest>/-Decr.digest to pull, not both (tag '1.0', digest 'sha256:0000000000000000000000000000000000000000000000000000000000000000')")
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
true
