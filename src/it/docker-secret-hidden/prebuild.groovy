import dev.ecrplugin.testing.DockerImages

DockerImages.removeImages('it-secret-app:1.0')
DockerImages.importImage(basedir, 'it-secret-app:1.0')
true
