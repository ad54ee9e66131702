import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
def host = '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'
HostForms.deleteRepositories('us-east-1', 'it-hosts/fips')
DockerImages.removeImages("${host}/it-hosts/fips:1.0".toString(), 'it-hosts-local:fips')
// what pull@uri pulls: pushed with the docker CLI to the same host, then gone from the local docker (and docker
// logged out of the host again: the goals must log in themselves)
def pullDigest = HostForms.pushWithDockerCli(basedir, host, 'it-hosts/fips-pull', '2.0')
new File(basedir, 'pull-digest.txt').text = pullDigest
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('PULL_DIGEST', pullDigest)
assert !HostForms.dockerConfig().contains(host)
// the image to push, named by its full URI
DockerImages.importImage(basedir, "${host}/it-hosts/fips:1.0".toString())
HostForms.markEvents(basedir)
true
