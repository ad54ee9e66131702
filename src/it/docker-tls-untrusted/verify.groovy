import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def x509 = 'x509: certificate signed by unknown authority'
// both goals fail on docker's certificate check (push logs in first), and their [ERROR] line carries docker's words
for (goal in ['login', 'push']) {
    log.assertFailed(goal, 'docker-tls-untrusted', 'docker login untrusted.ecr-alias.test failed (exit 1): Error response '
            + "from daemon: Get \"https://untrusted.ecr-alias.test/v2/\": ${x509}")
}
assert !log.contains('Logged in to')
assert !log.contains('[INFO] Pushed ')
// nothing reached the registry under that name
assert LocalStack.events('it-untrusted') == []
assert DockerImages.registryDigest('it-untrusted', '1.0') == null
true
