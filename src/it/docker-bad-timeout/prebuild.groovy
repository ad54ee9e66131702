import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
new File(basedir, 'hanging-docker.sh').setExecutable(true)
true
