import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def path = new File(basedir, 'aws-credentials').absolutePath
def arn = 'arn:aws:iam::123456789012:user/it-user-rerun'
assert log.infos('it-user-rerun') == [
        "[INFO] IAM user it-user-rerun already exists, unchanged [${arn}]",
        "[INFO] Profile 'it-user-rerun' in ${path} holds a current key of it-user-rerun, unchanged",
].collect { it.toString() }
assert IamFixtures.accessKeyIds('it-user-rerun') == [new File(basedir, 'key-id.before').text]
assert IamFixtures.attachedPolicyNames('it-user-rerun') == ['it-user-rerun-login']
assert new File(basedir, 'aws-credentials').bytes == new File(basedir, 'aws-credentials.before').bytes
true
