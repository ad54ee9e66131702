import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-three')
new File(basedir, 'counting-docker.sh').setExecutable(true)
new File(basedir, 'docker-commands.log').delete()
def remote = "${LocalStack.registry()}/it-three".toString()
DockerImages.removeImages('it-three-app:1.0', "${remote}:1.0".toString(), "${remote}:prod".toString(),
        "${remote}:stable".toString())
DockerImages.importImage(basedir, 'it-three-app:1.0')
true
