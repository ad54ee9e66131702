import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it/push')
def remote = "${LocalStack.registry()}/it/push".toString()
DockerImages.removeImages('it-push-app:1.0', "${remote}:1.0".toString(), "${remote}:latest".toString())
DockerImages.importImage(basedir, 'it-push-app:1.0')
true
