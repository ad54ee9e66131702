import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def digest = new File(basedir, 'digest.before').text
// ECR already held both tags with this image: no docker push, the same digest recorded
assert log.contains("[INFO] ECR repository it/push already holds 1.0 as ${digest}; push skipped")
assert log.contains("[INFO] ECR repository it/push already holds latest as ${digest}; push skipped")
assert log.lines().findAll { it.startsWith('[INFO] Pushed ') } == []
assert !log.contains('The push refers to repository')
assert !log.contains('Created repository')
assert log.digestFile('it/push') == digest
assert !log.contains('[ERROR]')
for (tag in ['1.0', 'latest']) {
    assert DockerImages.registryDigest('it/push', tag) == digest
    assert DockerImages.ecrDigest('it/push', tag).orElse(null) == digest
}
true
