import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.TinyProxy

try {
    TinyProxy.stop(new File(basedir, 'proxy/pid').text.trim() as long)
    def log = new File(basedir, 'build.log').text
    assert log.contains("[INFO] AWS credentials from profile 'deployer', region us-east-1 from ")
    assert log.contains('[INFO] Created repository it-creds-proxy-role')
    assert !log.contains(TinyProxy.PASSWORD) : 'the proxy password is in the log'
    // every request the SDK sent (it logs each at DEBUG) went through tinyproxy, which logs each request
    // ("Request (file descriptor N): POST http://127.0.0.1:PORT/ HTTP/1.1": twice, the first refused with 407 until
    // the client authenticates) and each it forwards ('Established connection to host "127.0.0.1" ...')
    def sent = log.readLines().findAll { it.contains('Sending Request: ') }
    def sts = sent.findAll { !it.contains('X-Amz-Target') } // STS (query protocol) has none; ECR's JSON calls have it
    assert sts.size() == 1 : "expected one STS call (AssumeRole) among ${sent}"
    def proxyLog = new File(basedir, 'proxy/tinyproxy.log').text
    assert proxyLog.contains("POST ${LocalStack.endpoint()}/ ")
    def forwarded = proxyLog.readLines().findAll { it.contains('Established connection to host "127.0.0.1"') }
    assert forwarded.size() == sent.size() : "the proxy forwarded ${forwarded.size()} of the ${sent.size()} requests:\n${proxyLog}"
    assert sent.size() >= 3 : "AssumeRole, DescribeRepositories, CreateRepository: ${sent}"
} finally {
    LocalStack.enforceIam(false)
}
assert EcrFixtures.repositoryExists('it-creds-proxy-role')
true
