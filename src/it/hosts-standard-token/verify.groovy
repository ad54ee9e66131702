import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def host = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
def pullDigest = new File(basedir, 'pull-digest.txt').text.trim()
assert !log.contains('[ERROR]')
// the token's proxyEndpoint is the host: one login, reused by push and pull
assert log.mentioning('Logged in to') == ["[INFO] Logged in to ${host} (ECR registry 123456789012)".toString()]
assert HostForms.dockerConfig().contains(host)

def digest = log.digestFile('it-hosts/token')
assert log.contains("[INFO] The push refers to repository [${host}/it-hosts/token]")
assert log.infos('Pushed ') == ["[INFO] Pushed ${host}/it-hosts/token:1.0 (${digest})".toString()]
assert HostForms.events(basedir, 'it-hosts/token', 1) == ["push ${host} 1.0 ${digest}".toString()]
assert HostForms.ecrDigest('us-east-1', 'it-hosts/token', '1.0').orElse(null) == digest

assert log.contains("[INFO] Pulled ${host}/it-hosts/token-pull:2.0 (${pullDigest}) as it-hosts-local:token")
assert log.contains("[INFO] Status: Downloaded newer image for ${host}/it-hosts/token-pull:2.0")
def pulls = HostForms.events(basedir, 'it-hosts/token-pull', 1)
// docker asks for the manifest by tag, then by its digest: every request went to that host
assert pulls.contains("pull ${host} 2.0 ${pullDigest}".toString()) && pulls.every { it.startsWith("pull ${host} ") && it.endsWith(" ${pullDigest}") } : pulls
true
