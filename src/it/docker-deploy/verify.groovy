import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registry()
def digest = log.digestFile('it-deploy')
assert log.contains(ItLog.executionLine('login', 'ecr-login', 'docker-deploy'))
assert log.contains(ItLog.executionLine('push', 'ecr-push', 'docker-deploy'))
assert log.contains('[INFO] Skipping artifact deployment')
// one login for the build, reused by the pushes and the pull
assert log.lines().count { it.contains('Logged in to') } == 1
assert log.contains("[INFO] Pushed ${registry}/it-deploy:1.0 (${digest})")
assert log.contains("[INFO] Pushed ${registry}/it-deploy:by-uri (${digest})")
assert log.contains("[INFO] Pulled ${registry}/it-deploy@${digest} as it-deploy-copy:pulled")
assert log.contains('[INFO] BUILD SUCCESS')
assert DockerImages.ecrDigest('it-deploy', '1.0').orElse(null) == digest
assert DockerImages.registryDigest('it-deploy', 'by-uri') == digest
true
