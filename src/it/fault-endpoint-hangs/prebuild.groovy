import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
FaultProxy.reset()
FaultProxy.arm('*', FaultProxy.HANG, FaultProxy.EVERY_CALL)
true
