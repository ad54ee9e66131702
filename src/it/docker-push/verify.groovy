import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registry()
def digest = log.digestFile('it/push')
assert digest ==~ /sha256:[0-9a-f]{64}/

// first run: created the repository, pushed both tags
assert log.contains('[INFO] Created repository it/push [arn:aws:ecr:us-east-1:123456789012:repository/it/push]')
assert log.contains("[INFO] Pushed ${registry}/it/push:1.0 (${digest})")
assert log.contains("[INFO] Pushed ${registry}/it/push:latest (${digest})")
// docker's own output streamed to the log
assert log.contains("[INFO] The push refers to repository [${registry}/it/push]")
// second run: ECR already held both: no docker push
assert log.contains("[INFO] ECR repository it/push already holds 1.0 as ${digest}; push skipped")
assert log.contains("[INFO] ECR repository it/push already holds latest as ${digest}; push skipped")
assert log.count('The push refers to repository') == 2
assert !log.contains('[ERROR]')

// the registry and ECR agree with the digest file
for (tag in ['1.0', 'latest']) {
    assert DockerImages.registryDigest('it/push', tag) == digest
    assert DockerImages.ecrDigest('it/push', tag).orElse(null) == digest
}
true
