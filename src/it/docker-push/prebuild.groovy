import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

DockerImages.deleteRepository('it/push')
def remote = "${LocalStack.registry()}/it/push".toString()
DockerImages.removeImages('it-push-app:1.0', "${remote}:1.0".toString(), "${remote}:latest".toString())
DockerImages.importImage(basedir, 'it-push-app:1.0')
true
