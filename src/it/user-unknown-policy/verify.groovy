import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
assert log.failures() == [ItLog.errorLine('create-user', 'user-unknown-policy', 'IAM policy no-such-policy (arn:aws:iam::123456789012:policy/no-such-policy) of <policyNames> does not exist: '
        + 'create it first (ecr:create-policy) or correct the name; IAM user it-user-unknown-policy was not changed')]
assert IamFixtures.attachedPolicyNames('it-user-unknown-policy') == []
assert IamFixtures.accessKeyIds('it-user-unknown-policy') == []
assert !new File(basedir, 'aws-credentials').exists()
true
