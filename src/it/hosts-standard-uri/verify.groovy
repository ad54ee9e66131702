import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def std = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
def fips = '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'
def pullDigest = new File(basedir, 'pull-digest.txt').text.trim()
def fipsDigest = new File(basedir, 'fips-digest.txt').text.trim()
assert !log.contains('[ERROR]')
// login (the token's host), push and pull by standard URI: one login; the FIPS host of the same account: another
assert log.mentioning('Logged in to') == ["[INFO] Logged in to ${std} (ECR registry 123456789012)".toString(),
                                          "[INFO] Logged in to ${fips} (ECR registry 123456789012)".toString()]
assert HostForms.dockerConfig().contains(std) && HostForms.dockerConfig().contains(fips)

def digest = log.digestFile('it-hosts/std-uri')
assert log.contains("[INFO] The push refers to repository [${std}/it-hosts/std-uri]")
assert log.infos('Pushed ') == ["[INFO] Pushed ${std}/it-hosts/std-uri:1.0 (${digest})".toString()]
assert HostForms.events(basedir, 'it-hosts/std-uri', 1) == ["push ${std} 1.0 ${digest}".toString()]
assert HostForms.ecrDigest('us-east-1', 'it-hosts/std-uri', '1.0').orElse(null) == digest

assert log.contains("[INFO] Pulled ${std}/it-hosts/std-uri-pull:2.0 (${pullDigest})")
assert log.contains("[INFO] Status: Downloaded newer image for ${std}/it-hosts/std-uri-pull:2.0")
def pulls = HostForms.events(basedir, 'it-hosts/std-uri-pull', 1)
// docker asks for the manifest by tag, then by its digest: every request went to that host
assert pulls.contains("pull ${std} 2.0 ${pullDigest}".toString()) && pulls.every { it.startsWith("pull ${std} ") && it.endsWith(" ${pullDigest}") } : pulls

assert log.contains("[INFO] Pulled ${fips}/it-hosts/std-uri-fips:3.0 (${fipsDigest})")
assert log.contains("[INFO] Status: Downloaded newer image for ${fips}/it-hosts/std-uri-fips:3.0")
def fipsPulls = HostForms.events(basedir, 'it-hosts/std-uri-fips', 1)
// docker asks for the manifest by tag, then by its digest: every request went to that host
assert fipsPulls.contains("pull ${fips} 3.0 ${fipsDigest}".toString()) && fipsPulls.every { it.startsWith("pull ${fips} ") && it.endsWith(" ${fipsDigest}") } : fipsPulls
true
