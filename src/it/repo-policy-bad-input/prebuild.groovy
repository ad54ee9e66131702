import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-repo-policy-missing')
EcrFixtures.createRepository('it-repo-policy-bad')
true
