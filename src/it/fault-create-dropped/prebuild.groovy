import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
FaultProxy.reset()
EcrFixtures.deleteRepositories('it-fault-create')
LocalStack.deletePolicy('it-fault-create')
FaultProxy.arm('CreateRepository', FaultProxy.DROP_AFTER_FORWARD, 1)
FaultProxy.arm('CreatePolicy', FaultProxy.DROP_AFTER_FORWARD, 1)
true
