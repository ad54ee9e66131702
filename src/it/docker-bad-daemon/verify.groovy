import dev.ecrplugin.testing.ItLog

ItLog.of(basedir).assertFailed('push', 'docker-bad-daemon', "docker image inspect it-bad-daemon:1.0: docker cannot reach its daemon (Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. Is the docker daemon running?). Start the Docker Engine, or point the DOCKER_HOST environment variable at a running one")
true
