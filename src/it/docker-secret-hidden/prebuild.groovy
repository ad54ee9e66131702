import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
DockerImages.removeImages('it-secret-app:1.0')
DockerImages.importImage(basedir, 'it-secret-app:1.0')
true
