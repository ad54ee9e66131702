import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// start without the repository (a stack reused from an earlier run may hold it)
EcrFixtures.deleteRepositories('it-repo-policy')
true
