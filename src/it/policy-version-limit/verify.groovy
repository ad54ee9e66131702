import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def arn = 'arn:aws:iam::123456789012:policy/it-policy-limit'
assert ItLog.of(basedir).mentioning('IAM policy it-policy-limit') == [
        "[INFO] Updated IAM policy it-policy-limit (new default version v6, deleted the oldest version v2) [${arn}]",
        "[INFO] IAM policy it-policy-limit already exists, unchanged [${arn}]"]*.toString()

assert IamFixtures.defaultVersion('it-policy-limit') == 'v6'
assert IamFixtures.policyVersions('it-policy-limit') == [v1: false, v3: false, v4: false, v5: false, v6: true]
true
