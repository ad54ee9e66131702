import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// moto keeps state between runs: start from no repository, so that "Created" is what this run did
EcrFixtures.deleteRepositories('it-creds-session-token')
true
