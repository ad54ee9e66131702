import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog

def held = new File(basedir, 'held-digest.txt').text
def log = ItLog.of(basedir)
log.assertFailed('push', 'docker-bad-immutable-tag', "Repository it-bad-immutable is IMMUTABLE and already holds "
        + "tag 1.0 (${held}, another image): push under a new tag (<tags>/-Decr.tags), or make the repository MUTABLE")
assert !log.contains('The push refers to repository') : 'docker push must not have run'
assert DockerImages.ecrDigest('it-bad-immutable', '1.0').get() == held
assert DockerImages.registryDigest('it-bad-immutable', '1.0') == held
true
