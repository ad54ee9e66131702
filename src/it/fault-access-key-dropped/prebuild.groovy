import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
FaultProxy.reset()
IamFixtures.createUser('it-fault-key')
new File(basedir, 'aws-credentials').delete()
new File(basedir, 'aws-credentials.pending').delete()
FaultProxy.arm('CreateAccessKey', FaultProxy.DROP_AFTER_FORWARD, 1)
true
