import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
assert LocalStack.alias() == 'registry.ecr-alias.test' : 'the POM names the stack\'s alias'
EcrFixtures.deleteRepositories('it-alias')
def remote = 'registry.ecr-alias.test/it-alias:1.0'
DockerImages.removeImages('it-alias-app:1.0', 'it-alias-copy:1.0', remote)
// docker must not hold the alias's credentials already (docker-tls-untrusted's prebuild logs in to it)
DockerImages.docker('logout', LocalStack.alias())
DockerImages.importImage(basedir, 'it-alias-app:1.0')
true
