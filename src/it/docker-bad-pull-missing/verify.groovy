import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def registry = LocalStack.registry()
ItLog.of(basedir).assertFailed('pull', 'docker-bad-pull-missing', "docker pull ${registry}/it-bad-pull-missing:no-such-tag: no such image (Error response from daemon: manifest for ${registry}/it-bad-pull-missing:no-such-tag not found: manifest unknown: manifest unknown). Check <repositoryName> and <tag>/<digest>, or <image> for a local image")
true
