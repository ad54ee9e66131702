import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registry()
// two goals in one session: one login
assert log.lines().findAll { it.contains('Logged in to') } == ["[INFO] Logged in to ${registry} (ECR registry 123456789012)".toString()]
assert !log.contains('[ERROR]')
// the stack keeps docker's logins in its own DOCKER_CONFIG, never in the user's ~/.docker/config.json
def dockerConfig = System.getenv('DOCKER_CONFIG')
assert dockerConfig?.startsWith(System.getenv('ECR_STACK_DIR')) : "DOCKER_CONFIG=${dockerConfig} is not the stack's"
assert new File(dockerConfig, 'config.json').text.contains(registry)
// docker holds the credentials now: the registry accepts an authenticated request through docker (a pull of a missing tag says "manifest unknown", not "no basic auth credentials")
try {
    DockerImages.docker('pull', "${registry}/it-login/none:missing".toString())
    assert false : 'pull of a missing image succeeded'
} catch (IllegalStateException e) {
    assert e.message.contains('manifest unknown') : e.message
    assert !e.message.contains('no basic auth credentials') : e.message
}
true
