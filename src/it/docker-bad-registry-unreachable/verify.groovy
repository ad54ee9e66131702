import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
log.assertFailed('login', 'docker-bad-registry-unreachable', "docker login 127.0.0.1:1: registry 127.0.0.1:1 is not reachable (Error response from daemon: Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused). Check <registry>/-Decr.registry and the network")
assert log.contains('[WARNING] docker login 127.0.0.1:1 failed (Error response from daemon: Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused); trying again in 1 s (attempt 2 of 2)')
true
