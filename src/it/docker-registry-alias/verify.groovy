import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def alias = 'registry.ecr-alias.test'
def digest = log.digestFile('it-alias')
assert digest ==~ /sha256:[0-9a-f]{64}/
assert log.contains("[INFO] Logged in to ${alias} (ECR registry 123456789012)")
assert log.contains("[INFO] Pushed ${alias}/it-alias:1.0 (${digest})")
assert log.lines().any { it.startsWith("[INFO] Pulled ${alias}/it-alias:1.0") && it.endsWith(' as it-alias-copy:1.0') }
assert !log.contains('[ERROR]')
// docker itself talked to the alias, never to the token's host (the registry's own record of the requests for this
// image; the log keeps earlier runs' lines, and this script's own reads by address come after this check)
def events = LocalStack.events('it-alias').findAll { it.endsWith(" ${digest}") }
assert events.contains("push ${alias} it-alias 1.0 ${digest}".toString()) : events
assert events.any { it.startsWith("pull ${alias} it-alias ") } : events
assert events.every { it.split(' ')[1] == alias } : events
// the registry and ECR agree (the listener records pushes to the alias in us-east-1)
assert DockerImages.registryDigest('it-alias', '1.0') == digest
assert DockerImages.ecrDigest('it-alias', '1.0').orElse(null) == digest
assert DockerImages.hasImage('it-alias-copy:1.0')
true
