import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// docker must not hold the registry's credentials already (docker-pull's prebuild logs in with the docker CLI, into
// the same DOCKER_CONFIG): verify.groovy then proves the plugin's own login
def registry = LocalStack.registry()
DockerImages.docker('logout', registry)
def config = new File(System.getenv('DOCKER_CONFIG'), 'config.json')
assert !config.exists() || !config.text.contains(registry) : "docker still holds ${registry}: ${config.text}"
true
