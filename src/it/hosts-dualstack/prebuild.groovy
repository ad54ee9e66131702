import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
def host = '123456789012.dkr-ecr.eu-west-1.on.aws'
HostForms.deleteRepositories('eu-west-1', 'it-hosts/dualstack')
DockerImages.removeImages("${host}/it-hosts/dualstack:1.0".toString(), 'it-hosts-local:dualstack')
// what pull@uri pulls: pushed with the docker CLI to the same host, then gone from the local docker (and docker
// logged out of the host again: the goals must log in themselves)
def pullDigest = HostForms.pushWithDockerCli(basedir, host, 'it-hosts/dualstack-pull', '2.0')
new File(basedir, 'pull-digest.txt').text = pullDigest
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('PULL_DIGEST', pullDigest)
assert !HostForms.dockerConfig().contains(host)
// the image to push, named by its full URI
DockerImages.importImage(basedir, "${host}/it-hosts/dualstack:1.0".toString())
HostForms.markEvents(basedir)
true
