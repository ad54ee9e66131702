import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('push', 'docker-bad-tag', "<tags> '-bad' is not a valid image tag: use up to 128 letters, digits, _ . and -, not starting with . or - (POM <tags> or -Decr.tags)")
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
true
