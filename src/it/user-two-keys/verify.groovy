import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def path = new File(basedir, 'aws-credentials').absolutePath
assert log.failures() == [ItLog.errorLine('create-user', 'user-two-keys', "IAM user it-user-two-keys already has 2 access keys, the most IAM allows, and profile 'it-user-two-keys' of ${path} holds neither, "
        + "so no new key can be made for it: delete one of the user's keys (aws iam list-access-keys --user-name it-user-two-keys, "
        + "then aws iam delete-access-key --user-name it-user-two-keys --access-key-id ID) and run again; nothing was changed")]
assert IamFixtures.accessKeyIds('it-user-two-keys').join(',') == new File(basedir, 'key-ids.before').text
assert IamFixtures.attachedPolicyNames('it-user-two-keys') == [] : 'the policy was not attached'
assert !new File(basedir, 'aws-credentials').exists()
true
