import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def arn = 'arn:aws:iam::123456789012:policy/it-policy-versions'
assert ItLog.of(basedir).mentioning('IAM policy it-policy-versions') == [
        "[INFO] Created IAM policy it-policy-versions [${arn}]",
        "[INFO] Updated IAM policy it-policy-versions (new default version v2) [${arn}]",
        "[INFO] IAM policy it-policy-versions already exists, unchanged [${arn}]"]*.toString()

assert IamFixtures.defaultVersion('it-policy-versions') == 'v2'
assert IamFixtures.policyVersions('it-policy-versions') == [v1: false, v2: true]
def doc = IamFixtures.policyDocument('it-policy-versions', 'v2')
assert doc.contains('ecr:BatchGetImage') : doc
true
