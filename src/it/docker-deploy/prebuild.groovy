import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-deploy')
DockerImages.removeImages('it-deploy-app:1.0', 'it-deploy-copy:pulled')
DockerImages.importImage(basedir, 'it-deploy-app:1.0')
true
