import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// start from no repository, so the IT passes again on a moto that is not fresh
EcrFixtures.deleteRepositories('it-create-repository')
true
