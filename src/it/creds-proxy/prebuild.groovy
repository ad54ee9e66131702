import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.TinyProxy

LocalStack.beforeIt()
// moto keeps state between runs: start from no repository, so that "Created" is what this run did
EcrFixtures.deleteRepositories('it-creds-proxy')

def proxy = TinyProxy.start(new File(basedir, 'proxy').toPath())
new File(basedir, 'proxy/pid').text = proxy.pid()
proxy.writeSettings(new File(basedir, 'proxy-settings.xml').toPath(), '*.example.invalid|nothing.local')
true
