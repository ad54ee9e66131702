import dev.ecrplugin.testing.ItLog

ItLog.of(basedir).assertFailed('login', 'docker-bad-executable', "Cannot run the docker executable '/nonexistent/docker' (error=2, No such file or directory): install Docker, or set <dockerExecutable>/-Decr.dockerExecutable to the path of docker, podman or nerdctl")
true
