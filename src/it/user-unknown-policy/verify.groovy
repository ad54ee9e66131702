import dev.ecrplugin.testing.IamFixtures

def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors == ['[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:create-user (default-cli) on project user-unknown-policy: '
        + 'IAM policy no-such-policy (arn:aws:iam::123456789012:policy/no-such-policy) of <policyNames> does not exist: '
        + 'create it first (ecr:create-policy) or correct the name; IAM user it-user-unknown-policy was not changed -> [Help 1]']
assert IamFixtures.attachedPolicyNames('it-user-unknown-policy') == []
assert IamFixtures.accessKeyIds('it-user-unknown-policy') == []
assert !new File(basedir, 'aws-credentials').exists()
true
