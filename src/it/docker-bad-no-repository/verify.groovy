import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def registry = LocalStack.registry()
def expected = DockerImages.errorLine('push', 'docker-bad-no-repository', 'Repository it-bad-no-repository does not exist in ECR: create it first (ecr:create-repository), or set <createRepository>true</createRepository> (-Decr.createRepository=true)')
assert log.readLines().contains(expected) : "no line\n${expected}\nin\n" + log.readLines().findAll { it.startsWith('[ERROR] Failed') }.join('\n')
assert !DockerImages.repositoryExists('it-bad-no-repository')
true
