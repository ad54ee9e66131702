import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def path = new File(basedir, 'aws-credentials').absolutePath
def info = log.lines().findAll { it.startsWith('[INFO] [dry run]') }
assert info == [
        "[INFO] [dry run] Would update IAM user it-user-dry-run (attach it-user-dry-run-login) [arn:aws:iam::123456789012:user/it-user-dry-run]",
        "[INFO] [dry run] Would store a new access key for it-user-dry-run in profile 'it-user-dry-run' of ${path}",
        "[INFO] [dry run] Would create IAM user it-user-dry-run-new (attach it-user-dry-run-login)",
        "[INFO] [dry run] Would store a new access key for it-user-dry-run-new in profile 'it-user-dry-run' of ${path}",
].collect { it.toString() }
assert IamFixtures.attachedPolicyNames('it-user-dry-run') == []
assert IamFixtures.accessKeyIds('it-user-dry-run') == []
assert !IamFixtures.userExists('it-user-dry-run-new')
assert !new File(basedir, 'aws-credentials').exists()
true
