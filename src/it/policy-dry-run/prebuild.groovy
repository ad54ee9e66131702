import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// start without the policy (a stack reused from an earlier run may hold it)
LocalStack.deletePolicy('it-policy-dry')
true
