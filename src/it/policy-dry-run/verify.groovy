import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:iam::123456789012:policy/it-policy-dry'
def infos = log.readLines().findAll { it.contains('IAM policy it-policy-dry') }
assert infos == ["[INFO] [dry run] Would create IAM policy it-policy-dry [${arn}]",
                 "[INFO] Created IAM policy it-policy-dry [${arn}]",
                 "[INFO] [dry run] Would update IAM policy it-policy-dry (new default version) [${arn}]"]

def iam = LocalStack.iam()
try {
    assert iam.getPolicy { it.policyArn(arn) }.policy().defaultVersionId() == 'v1'
    assert iam.listPolicyVersions { it.policyArn(arn) }.versions()*.versionId() == ['v1']
} finally {
    iam.close()
}
true
