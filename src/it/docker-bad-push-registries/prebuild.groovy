import dev.ecrplugin.testing.DockerImages

DockerImages.deleteRepository('it-bad-push-registries')
true
