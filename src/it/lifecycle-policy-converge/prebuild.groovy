import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
FaultProxy.reset() // nothing armed: the proxy only counts the calls
EcrFixtures.deleteRepositories('it-lifecycle-converge')
true
