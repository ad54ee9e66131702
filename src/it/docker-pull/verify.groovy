import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registry()
def digest = new File(basedir, 'digest.txt').text.trim()
assert log.contains("[INFO] Pulled ${registry}/it-pull@${digest} as it-pull-local:by-digest")
assert log.contains("[INFO] Pulled ${registry}/it-pull:1.0 (${digest}) as it-pull-local:by-tag")
assert !log.contains('[ERROR]')
// docker pulled from ECR's own host (no <registry>), by digest and by tag: the registry's record of the requests
def pulls = LocalStack.events('it-pull').findAll { it.startsWith("pull ${registry} ") && it.endsWith(" ${digest}") }
assert pulls.any { it == "pull ${registry} it-pull ${digest} ${digest}".toString() } : pulls
assert pulls.any { it == "pull ${registry} it-pull 1.0 ${digest}".toString() } : pulls
for (local in ['it-pull-local:by-digest', 'it-pull-local:by-tag']) {
    assert DockerImages.docker('image', 'inspect', '--format', '{{json .RepoDigests}}', local).contains("${registry}/it-pull@${digest}")
}
true
