import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:iam::123456789012:policy/it-policy-limit'
def infos = log.readLines().findAll { it.contains('IAM policy it-policy-limit') }
assert infos == ["[INFO] Updated IAM policy it-policy-limit (new default version v6, deleted the oldest version v2) [${arn}]",
                 "[INFO] IAM policy it-policy-limit already exists, unchanged [${arn}]"]

def iam = LocalStack.iam()
try {
    assert iam.getPolicy { it.policyArn(arn) }.policy().defaultVersionId() == 'v6'
    assert iam.listPolicyVersions { it.policyArn(arn) }.versions()*.versionId().sort() == ['v1', 'v3', 'v4', 'v5', 'v6']
} finally {
    iam.close()
}
true
