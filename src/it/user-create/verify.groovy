import dev.ecrplugin.testing.IamFixtures
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def file = new File(basedir, 'aws-credentials')
def path = file.absolutePath
def arn = 'arn:aws:iam::123456789012:user/it-user-create'
assert log.infos('it-user-create') == [
        "[INFO] Created IAM user it-user-create (attached it-user-create-login, it-user-create-extra) [${arn}]",
        "[INFO] Stored a new access key for it-user-create in profile 'it-user-create' of ${path}",
        "[INFO] IAM user it-user-create already exists, unchanged [${arn}]",
        "[INFO] Profile 'it-user-create' in ${path} holds a current key of it-user-create, unchanged",
].collect { it.toString() }

assert IamFixtures.attachedPolicyNames('it-user-create') == ['it-user-create-extra', 'it-user-create-login']
def keys = IamFixtures.accessKeyIds('it-user-create')
assert keys.size() == 1 : "the rerun made no new key: ${keys}"

def text = file.getText('ISO-8859-1')
def m = text =~ /(?s)\A# keys of other people\n\[other\]\naws_access_key_id = AKIAOTHEREXAMPLE\naws_secret_access_key = other-secret ; keep\nregion=eu-west-1\n\n\[it-user-create\]\naws_access_key_id = (\S+)\naws_secret_access_key = (\S+)\n\z/
assert m.matches() : text
def (keyId, secret) = [m.group(1), m.group(2)]
assert keyId == keys[0]
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(file.toPath())) == 'rw-------'
assert !log.contains(secret) : 'the secret access key is in the build log'
assert log.contains("Created access key ${keyId} for it-user-create") : 'debug line with the key id'

// the stored key really works: STS knows it as the user (with signature checking on)
assert IamFixtures.callerArn(keyId, secret) == arn
true
