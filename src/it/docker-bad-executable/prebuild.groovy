dev.ecrplugin.testing.LocalStack.beforeIt()
