import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def path = new File(basedir, 'aws-credentials').absolutePath
assert log.infos('it-user-stale-key') == [
        "[INFO] IAM user it-user-stale-key already exists, unchanged [arn:aws:iam::123456789012:user/it-user-stale-key]",
        "[INFO] Stored a new access key for it-user-stale-key in profile 'stale' of ${path}",
].collect { it.toString() }
def old = new File(basedir, 'key-id.before').text
def keys = IamFixtures.accessKeyIds('it-user-stale-key')
assert keys.size() == 2 && keys.contains(old)
def text = new File(basedir, 'aws-credentials').getText('ISO-8859-1')
def m = text =~ /(?s)\A\[stale\]\naws_access_key_id = (\S+)\naws_secret_access_key = (\S+)\nregion = eu-west-1\n# end\n\z/
assert m.matches() : text
assert m.group(1) != old && keys.contains(m.group(1))
assert IamFixtures.callerArn(m.group(1), m.group(2)) == 'arn:aws:iam::123456789012:user/it-user-stale-key'
true
