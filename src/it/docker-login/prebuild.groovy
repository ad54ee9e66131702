import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
true
