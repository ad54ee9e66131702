import dev.ecrplugin.testing.DockerImages

DockerImages.deleteRepository('it-bad-no-repository')
DockerImages.removeImages('it-bad-norepo-app:1.0')
DockerImages.importImage(basedir, 'it-bad-norepo-app:1.0')
true
