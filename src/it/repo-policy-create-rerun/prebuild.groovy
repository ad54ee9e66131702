import dev.ecrplugin.testing.LocalStack

// start without the repository (a stack reused from an earlier run may hold it)
LocalStack.deleteRepository('it-repo-policy')
true
