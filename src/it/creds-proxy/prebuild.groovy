import dev.ecrplugin.testing.TinyProxy

// moto keeps state between runs: start from no repository, so that "Created" is what this run did
def ecr = dev.ecrplugin.testing.LocalStack.ecr()
try {
    ecr.deleteRepository { it.repositoryName('it-creds-proxy').force(true) }
} catch (software.amazon.awssdk.services.ecr.model.EcrException absent) {
    // not there: fine
} finally {
    ecr.close()
}


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
