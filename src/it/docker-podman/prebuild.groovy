import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// podman's own store (the stack's CONTAINERS_STORAGE_CONF); the output, failing on a non-zero exit or a hang
def podman = { String... args -> DockerImages.command(null, ['podman', *args]) }
assert System.getenv('CONTAINERS_STORAGE_CONF') : 'run through stack/ecr-stack: podman needs the stack\'s store'
EcrFixtures.deleteRepositories('it-podman')
def remote = "${LocalStack.registryAddress()}/it-podman:1.0".toString()
podman('rmi', '-f', '--ignore', 'it-podman-app:1.0', 'it-podman-copy:1.0', remote)
def content = new File(basedir, 'image-content')
content.mkdirs()
new File(content, 'hello.txt').text = "it-podman ${System.nanoTime()}\n"
def tar = new File(basedir, 'image.tar')
DockerImages.command(null, ['tar', '-C', content.path, '-cf', tar.path, '.'])
podman('import', tar.path, 'it-podman-app:1.0')
true
