import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-bad-no-repository')
DockerImages.removeImages('it-bad-norepo-app:1.0')
DockerImages.importImage(basedir, 'it-bad-norepo-app:1.0')
true
