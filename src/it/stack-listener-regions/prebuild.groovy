import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
assert LocalStack.alias() == 'registry.ecr-alias.test' : 'the POM names the stack\'s alias'
['us-east-1', 'eu-west-1'].each { HostForms.deleteRepositories(it, 'it-region', 'it-region-both', 'it-region-none') }
// the same name in two regions: a push under a name that says no region cannot tell which it belongs to
['us-east-1', 'eu-west-1'].each { region ->
    HostForms.ecr(region).withCloseable { it.createRepository { r -> r.repositoryName('it-region-both') } }
}
DockerImages.removeImages('it-region-app:1.0', 'registry.ecr-alias.test/it-region:1.0')
// docker must not hold the alias's credentials already: the goal logs in itself
DockerImages.docker('logout', LocalStack.alias())
DockerImages.importImage(basedir, 'it-region-app:1.0')
true
