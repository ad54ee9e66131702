import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def arn = 'arn:aws:iam::123456789012:policy/it-policy-authOnly'
assert ItLog.of(basedir).mentioning('IAM policy it-policy-authOnly') == [
        "[INFO] Created IAM policy it-policy-authOnly [${arn}]",
        "[INFO] IAM policy it-policy-authOnly already exists, unchanged [${arn}]"]*.toString()

assert IamFixtures.defaultVersion('it-policy-authOnly') == 'v1'
assert IamFixtures.policyVersions('it-policy-authOnly') == [v1: true]
def doc = IamFixtures.policyDocument('it-policy-authOnly', 'v1')
assert doc.contains('"ecr:GetAuthorizationToken"') : doc
true
