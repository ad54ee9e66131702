// (IT only) start from nothing: no authOnly, usr1, repo1; a local image myapp:1.0 to push
import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

IamFixtures.deleteUser('usr1')
LocalStack.deletePolicy('authOnly')
LocalStack.deleteRepository('repo1')
def remote = "${LocalStack.registry()}/repo1".toString()
DockerImages.removeImages('myapp:1.0', "${remote}:1.0".toString(), "${remote}:latest".toString())
DockerImages.importImage(basedir, 'myapp:1.0')
true
