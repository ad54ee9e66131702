import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def host = '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn'
def pushed = "${host}/it-hosts/china".toString()
def pulled = "${host}/it-hosts/china-pull".toString()
def pullDigest = new File(basedir, 'pull-digest.txt').text.trim()
assert !log.contains('[ERROR]')

// one login, to the URI's host, with a token of its account (from its region), reused by push and pull
assert log.mentioning('Logged in to') == ['[INFO] Logged in to 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn (ECR registry 123456789012)']
assert HostForms.dockerConfig().contains(host)
// the repository was made in the host's region
assert log.contains('[INFO] Created repository it-hosts/china [arn:aws-cn:ecr:cn-north-1:123456789012:repository/it-hosts/china]')

// push: docker's own output names the host, and the registry saw the manifest pushed under that host name
def digest = log.digestFile('it-hosts/china')
assert digest ==~ /sha256:[0-9a-f]{64}/
assert log.contains("[INFO] The push refers to repository [${pushed}]")
assert log.infos('Pushed ') == ["[INFO] Pushed ${pushed}:1.0 (${digest})".toString()]
assert HostForms.events(basedir, 'it-hosts/china', 1) == ["push ${host} 1.0 ${digest}".toString()]
// and the stack's listener recorded it in ECR in the host's region
assert HostForms.ecrDigest('cn-north-1', 'it-hosts/china', '1.0').orElse(null) == digest

// pull by full URI and digest: docker pulled from that host
assert log.contains("[INFO] Pulled ${pulled}@${pullDigest} as it-hosts-local:china")
assert log.contains("[INFO] Status: Downloaded newer image for ${pulled}@${pullDigest}")
def pulls = HostForms.events(basedir, 'it-hosts/china-pull', 1)
assert pulls.size() >= 1 && pulls.every { it == "pull ${host} ${pullDigest} ${pullDigest}".toString() } : pulls
assert DockerImages.docker('image', 'inspect', '--format', '{{json .RepoDigests}}', 'it-hosts-local:china').contains("${pulled}@${pullDigest}")
true
