import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def arn = 'arn:aws:iam::123456789012:policy/it-policy-inline'
assert ItLog.of(basedir).mentioning('IAM policy it-policy-inline') == [
        "[INFO] Created IAM policy it-policy-inline [${arn}]",
        "[INFO] IAM policy it-policy-inline already exists, unchanged [${arn}]"]*.toString()

assert IamFixtures.policy('it-policy-inline').description() == "pull from this account's repositories"
assert IamFixtures.policyVersions('it-policy-inline') == [v1: true]
def doc = IamFixtures.policyDocument('it-policy-inline', 'v1')
assert doc.contains('"Resource":"arn:aws:ecr:us-east-1:123456789012:repository/*"') : doc
true
