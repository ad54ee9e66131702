import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registry()
def digest = log.digestFile('it/push')
assert digest ==~ /sha256:[0-9a-f]{64}/

// created the repository, pushed 1.0 with docker and put latest with ECR PutImage (one INFO line each, also when
// docker needed a retry)
assert log.contains('[INFO] Created repository it/push [arn:aws:ecr:us-east-1:123456789012:repository/it/push]')
assert log.lines().findAll { it.startsWith('[INFO] Pushed ') || it.startsWith('[INFO] Tagged ') } == [
        "[INFO] Pushed ${registry}/it/push:1.0 (${digest})".toString(),
        "[INFO] Tagged ${registry}/it/push:latest (${digest}) with ECR PutImage, no docker push".toString()]
// docker's own output streamed to the log
assert log.contains("[INFO] The push refers to repository [${registry}/it/push]")
assert !log.contains('push skipped')
assert !log.contains('[ERROR]')
// docker pushed to ECR's own host (the token's proxyEndpoint, no <registry>), once: the registry's record of the
// requests (latest came from PutImage, which the stack puts into the registry without a docker push event)
def events = LocalStack.events('it/push')
assert events.findAll { it.startsWith('push ') && it.endsWith(" ${digest}") } ==
        ["push ${registry} it/push 1.0 ${digest}".toString()] : events

// the registry and ECR agree with the digest file (ecrDigest waits for the registry's notification to reach moto)
for (tag in ['1.0', 'latest']) {
    assert DockerImages.registryDigest('it/push', tag) == digest
    assert DockerImages.ecrDigest('it/push', tag).orElse(null) == digest
}
true
