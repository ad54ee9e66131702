import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
def host = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
HostForms.deleteRepositories('us-east-1', 'it-hosts/token')
DockerImages.removeImages('it-hosts-token-app:1.0', "${host}/it-hosts/token:1.0".toString(), 'it-hosts-local:token')
new File(basedir, 'pull-digest.txt').text = HostForms.pushWithDockerCli(basedir, host, 'it-hosts/token-pull', '2.0')
assert !HostForms.dockerConfig().contains(host)
DockerImages.importImage(basedir, 'it-hosts-token-app:1.0')
HostForms.markEvents(basedir)
true
