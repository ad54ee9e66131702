import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// the README's snippet pushes into an existing repository (no <createRepository>)
EcrFixtures.createRepository('it-deploy-readme')
DockerImages.removeImages('it-deploy-readme-app:1.0')
DockerImages.importImage(basedir, 'it-deploy-readme-app:1.0')
true
