import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def arn = 'arn:aws:iam::123456789012:policy/it-policy-dry'
assert ItLog.of(basedir).mentioning('IAM policy it-policy-dry') == [
        "[INFO] [dry run] Would create IAM policy it-policy-dry [${arn}]",
        "[INFO] Created IAM policy it-policy-dry [${arn}]",
        "[INFO] [dry run] Would update IAM policy it-policy-dry (new default version) [${arn}]"]*.toString()

assert IamFixtures.defaultVersion('it-policy-dry') == 'v1'
assert IamFixtures.policyVersions('it-policy-dry') == [v1: true]
true
