// (IT only) start from nothing: no authOnly, usr1, repo1; a local image myapp:1.0 to push
import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ImdsCounter
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

// first, moto's IAM enforcement off: docker-least-privilege (run just before) switches it on, and leaves it on
// when its build fails (its verify.groovy, which switches it off, then does not run)
LocalStack.beforeIt()
IamFixtures.deleteUser('usr1')
LocalStack.deletePolicy('authOnly')
EcrFixtures.deleteRepositories('repo1')
def remote = "${LocalStack.registry()}/repo1".toString()
DockerImages.removeImages('myapp:1.0', "${remote}:1.0".toString(), "${remote}:latest".toString())
DockerImages.importImage(basedir, 'myapp:1.0')
// AWS_EC2_METADATA_SERVICE_ENDPOINT points at the stack's counting stand-in (pom.xml, tutorial-example)
ImdsCounter.reset()
true
