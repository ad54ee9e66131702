import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-repository-dry-run-new')
EcrFixtures.createRepository('it-repository-dry-run')
true
