import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-tag')
def remote = "${LocalStack.registry()}/it-tag".toString()
DockerImages.removeImages('it-tag-app:1.0', "${remote}:1.0".toString(), "${remote}:prod".toString(),
        "${remote}:stable".toString())
DockerImages.importImage(basedir, 'it-tag-app:1.0')
true
