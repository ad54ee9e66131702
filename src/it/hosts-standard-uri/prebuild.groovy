import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
def std = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
def fips = '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'
HostForms.deleteRepositories('us-east-1', 'it-hosts/std-uri')
DockerImages.removeImages("${std}/it-hosts/std-uri:1.0".toString())
new File(basedir, 'pull-digest.txt').text = HostForms.pushWithDockerCli(basedir, std, 'it-hosts/std-uri-pull', '2.0')
new File(basedir, 'fips-digest.txt').text = HostForms.pushWithDockerCli(basedir, fips, 'it-hosts/std-uri-fips', '3.0')
assert !HostForms.dockerConfig().contains(std) && !HostForms.dockerConfig().contains(fips)
DockerImages.importImage(basedir, "${std}/it-hosts/std-uri:1.0".toString())
HostForms.markEvents(basedir)
true
