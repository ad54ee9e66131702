import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registryAddress()
def digest = log.digestFile('it-podman')
assert digest ==~ /sha256:[0-9a-f]{64}/
assert log.contains("[INFO] Logged in to ${registry} (ECR registry 123456789012)")
assert log.contains('[INFO] Created repository it-podman [arn:aws:ecr:us-east-1:123456789012:repository/it-podman]')
assert log.contains("[INFO] Pushed ${registry}/it-podman:1.0 (${digest})")
assert log.contains("[INFO] Pulled ${registry}/it-podman:1.0 as it-podman-copy:1.0")
assert !log.contains('[ERROR]')
// the digest is the registry's (podman's image inspect would list the local image's digest instead)
assert DockerImages.registryDigest('it-podman', '1.0') == digest
assert DockerImages.ecrDigest('it-podman', '1.0').orElse(null) == digest
// podman holds the pulled copy; docker was never asked
DockerImages.command(null, ['podman', 'image', 'exists', 'it-podman-copy:1.0']) // fails unless it exists
assert !DockerImages.hasImage('it-podman-app:1.0')
true
