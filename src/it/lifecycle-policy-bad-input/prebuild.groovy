import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-lifecycle-bad')
FaultProxy.reset() // from here on, every request of the builds to the stack's endpoint is in its log
true
