// (IT only) what the tutorial's workflow must leave behind, read back through the real APIs.
// moto's IAM enforcement is off here (it is server-wide, and the IT's own admin calls need it off): login, push and
// pull run with usr1's profile, but nothing here checks that usr1's rights are as narrow as the tutorial's (only
// ecr:GetAuthorizationToken, plus repo1's repository policy, which moto stores but does not evaluate). The
// docker-least-privilege IT covers that: it logs in, pushes and pulls with enforcement on as a login-only user.
import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ImdsCounter
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack
import java.nio.file.Files

def lines = ItLog.of(basedir).lines().findAll { it.startsWith('[INFO] ') || it.startsWith('[WARNING] ') || it.startsWith('[ERROR] ') }
def registry = LocalStack.registry()
def digest = DockerImages.registryDigest('repo1', '1.0')
def credentials = new File(basedir, 'target/aws-credentials').canonicalPath
def acct = LocalStack.ACCOUNT
def wanted = [
    // first run: everything created, pushed both tags, pulled
    "[INFO] Created IAM policy authOnly [arn:aws:iam::${acct}:policy/authOnly]",
    "[INFO] Created IAM user usr1 (attached authOnly) [arn:aws:iam::${acct}:user/usr1]",
    "[INFO] Stored a new access key for usr1 in profile 'usr1' of ${credentials}",
    "[INFO] Created repository repo1 [arn:aws:ecr:us-east-1:${acct}:repository/repo1]",
    "[INFO] Created repository policy repo1 [arn:aws:ecr:us-east-1:${acct}:repository/repo1]",
    "[INFO] AWS credentials from profile 'usr1', region us-east-1 from <region>/-Decr.region",
    "[INFO] Logged in to ${registry} (ECR registry ${acct})",
    "[INFO] Pushed ${registry}/repo1:1.0 (${digest})",
    "[INFO] Tagged ${registry}/repo1:latest (${digest}) with ECR PutImage, no docker push",
    "[INFO] Pulled ${registry}/repo1:1.0 (${digest})",
    // second run: nothing changed, nothing pushed
    "[INFO] IAM policy authOnly already exists, unchanged [arn:aws:iam::${acct}:policy/authOnly]",
    "[INFO] IAM user usr1 already exists, unchanged [arn:aws:iam::${acct}:user/usr1]",
    "[INFO] Profile 'usr1' in ${credentials} holds a current key of usr1, unchanged",
    "[INFO] Repository repo1 already exists, unchanged [arn:aws:ecr:us-east-1:${acct}:repository/repo1]",
    "[INFO] Repository policy repo1 already exists, unchanged [arn:aws:ecr:us-east-1:${acct}:repository/repo1]",
    "[INFO] ECR repository repo1 already holds 1.0 as ${digest}; push skipped",
    "[INFO] ECR repository repo1 already holds latest as ${digest}; push skipped",
    "[INFO] Pulled ${registry}/repo1:1.0 (${digest})",
]*.toString()
// in this order
int at = 0
for (line in wanted) {
    int found = lines.subList(at, lines.size()).indexOf(line)
    assert found >= 0 : "missing, or out of order: ${line}"
    at += found + 1
}
assert !lines.any { it.startsWith('[ERROR]') }
// no warning of the plugin's (the IT's own dependency resolution warns about checksums of its local repository),
// except its own line for a transient docker failure it then retried (a hiccup of the loaded machine, not a defect)
assert lines.findAll { it.startsWith('[WARNING]') && !it.contains('local.central') && !it.contains('; trying again in ') } == []

// AWS and the registry agree
assert IamFixtures.attachedPolicyNames('usr1') == ['authOnly']
assert IamFixtures.accessKeyIds('usr1').size() == 1
for (tag in ['1.0', 'latest']) {
    assert DockerImages.ecrDigest('repo1', tag).orElse(null) == digest
}
assert EcrFixtures.repositoryPolicy('repo1').contains("arn:aws:iam::${acct}:user/usr1")
assert Files.getPosixFilePermissions(new File(credentials).toPath())*.toString().sort() == ['OWNER_READ', 'OWNER_WRITE']
// region and credentials given (<region>, the environment's keys, usr1's profile): nothing probed the metadata service
assert ImdsCounter.requests() == [] : "the seven goals asked the instance metadata service: ${ImdsCounter.requests()}"
true
