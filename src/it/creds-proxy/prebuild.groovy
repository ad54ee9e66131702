import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.TinyProxy

LocalStack.beforeIt()
// moto keeps state between runs: start from no repository, so that "Created" is what this run did
EcrFixtures.deleteRepositories('it-creds-proxy')

def proxy = TinyProxy.start(new File(basedir, 'proxy').toPath())
new File(basedir, 'proxy/pid').text = proxy.pid()
new File(basedir, 'proxy-settings.xml').text = """<settings>
  <proxies>
    <proxy>
      <id>it-tinyproxy</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${proxy.port()}</port>
      <username>${TinyProxy.USER}</username>
      <password>${TinyProxy.PASSWORD}</password>
      <nonProxyHosts>*.example.invalid|nothing.local</nonProxyHosts>
    </proxy>
  </proxies>
</settings>
"""
true
