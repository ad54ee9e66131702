import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.TinyProxy

TinyProxy.stop(new File(basedir, 'proxy/pid').text.trim() as long)
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Created repository it-creds-proxy')
assert log.contains("[DEBUG] AWS endpoint ${LocalStack.endpoint()}, through proxy HttpProxy[127.0.0.1:")
assert !log.contains(TinyProxy.PASSWORD) : 'the proxy password is in the log'
def basic = "${TinyProxy.USER}:${TinyProxy.PASSWORD}".bytes.encodeBase64().toString()
assert !log.contains(basic) : 'the Proxy-Authorization header is in the log'

// tinyproxy logs each request it forwards: "Request (file descriptor N): POST http://127.0.0.1:PORT/ HTTP/1.1"
def proxyLog = new File(basedir, 'proxy/tinyproxy.log').text
def forwarded = proxyLog.readLines().findAll { it.contains("POST ${LocalStack.endpoint()}/ ") }
assert forwarded.size() >= 2 : "expected the ECR calls (DescribeRepositories, CreateRepository) through the proxy, log:\n${proxyLog}"
assert !proxyLog.contains('Proxy-Authorization') && !proxyLog.toLowerCase().contains('auth fail')
true
