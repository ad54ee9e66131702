import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def registry = LocalStack.registry()
ItLog.of(basedir).assertFailed('pull', 'docker-bad-timeout', "${basedir}/hanging-docker.sh login ${registry} timed out after 1 s: raise <timeout>/-Decr.timeout, or check the network and the docker daemon (DOCKER_HOST)")
true
