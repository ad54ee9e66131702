import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
HostForms.markEvents(basedir)
true
