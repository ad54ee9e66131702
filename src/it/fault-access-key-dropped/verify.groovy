import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def seen = FaultProxy.log().findAll { it.action() == 'CreateAccessKey' }
FaultProxy.reset()
def log = ItLog.of(basedir)
def file = new File(basedir, 'aws-credentials')
def path = file.absolutePath
def arn = 'arn:aws:iam::123456789012:user/it-fault-key'

def deleted = log.infos('Deleted access key').collect { (it =~ /Deleted access key (\S+) of/)[0][1] }
assert deleted.size() == 1 : log.infos('it-fault-key')
assert log.infos('it-fault-key') == [
        "[INFO] Deleted access key ${deleted[0]} of it-fault-key: a CreateAccessKey whose answer was lost made it, so nobody holds its secret",
        "[INFO] IAM user it-fault-key already exists, unchanged [${arn}]",
        "[INFO] Stored a new access key for it-fault-key in profile 'it-fault-key' of ${path}",
        "[INFO] IAM user it-fault-key already exists, unchanged [${arn}]",
        "[INFO] Profile 'it-fault-key' in ${path} holds a current key of it-fault-key, unchanged",
].collect { it.toString() }
// moto saw the dropped call and exactly one more: no blind retry by the SDK (nor by the HTTP client)
assert seen*.fault() == [FaultProxy.DROP_AFTER_FORWARD, null] : seen

def text = file.getText('ISO-8859-1')
def m = text =~ /(?s)\A\[it-fault-key\]\naws_access_key_id = (\S+)\naws_secret_access_key = (\S+)\n\z/
assert m.matches() : text
def (keyId, secret) = [m.group(1), m.group(2)]
assert IamFixtures.accessKeyIds('it-fault-key') == [keyId] : 'exactly one key, the one in the profile'
assert deleted[0] != keyId
assert !log.contains(secret)
assert !new File(basedir, 'aws-credentials.pending').exists() : 'the lost answer was settled'
assert IamFixtures.callerArn(keyId, secret) == arn
true
