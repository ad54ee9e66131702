import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registry()
def digest = log.digestFile('it-deploy-readme')
// the jar is built and installed, its deployment skipped, then push runs in deploy
assert log.contains('[INFO] Building jar: ')
assert log.contains('[INFO] Skipping artifact deployment')
assert log.contains(ItLog.executionLine('push', 'default', 'docker-deploy-readme'))
assert log.lines().count { it.contains('Logged in to') } == 1
assert log.contains("[INFO] Pushed ${registry}/it-deploy-readme:1.0 (${digest})")
assert log.contains('[INFO] BUILD SUCCESS')
assert DockerImages.ecrDigest('it-deploy-readme', '1.0').orElse(null) == digest
true
