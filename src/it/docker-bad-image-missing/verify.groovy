import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

ItLog.of(basedir).assertFailed('push', 'docker-bad-image-missing', "<image> 'it-bad-no-such-image:1.0' is not in the local docker: build it first, or set <image>/-Decr.image to an image that 'docker images' lists")
assert !EcrFixtures.repositoryExists('it-bad-image-missing')
true
