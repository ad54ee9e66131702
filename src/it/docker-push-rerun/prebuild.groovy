import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// docker-push (ordinal 1) ran first and left its image and repository. ECR learns of a push asynchronously
// (registry notification -> stack/registry-listener.py -> PutImage): wait until it holds both tags, so the rerun
// sees what the first run pushed
def held = ['1.0', 'latest'].collect { DockerImages.ecrDigest('it/push', it).orElse(null) }
assert held[0] && held[0] == held[1] : "ECR does not hold it/push:1.0 and :latest as one image (${held}): " +
        'this IT reruns the push of docker-push; run both: -Dinvoker.test=docker-push*'
assert DockerImages.hasImage('it-push-app:1.0') : 'docker-push left no local it-push-app:1.0'
new File(basedir, 'digest.before').text = held[0]
true
