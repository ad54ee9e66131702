import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

DockerImages.deleteRepository('it-deploy')
DockerImages.removeImages('it-deploy-app:1.0', 'it-deploy-copy:pulled')
DockerImages.importImage(basedir, 'it-deploy-app:1.0')
true
