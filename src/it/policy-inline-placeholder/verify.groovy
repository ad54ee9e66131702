import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:iam::123456789012:policy/it-policy-inline'
def infos = log.readLines().findAll { it.contains('IAM policy it-policy-inline') }
assert infos == ["[INFO] Created IAM policy it-policy-inline [${arn}]",
                 "[INFO] IAM policy it-policy-inline already exists, unchanged [${arn}]"]

def iam = LocalStack.iam()
try {
    def policy = iam.getPolicy { it.policyArn(arn) }.policy()
    assert policy.description() == "pull from this account's repositories"
    assert iam.listPolicyVersions { it.policyArn(arn) }.versions()*.versionId() == ['v1']
    def doc = URLDecoder.decode(iam.getPolicyVersion { it.policyArn(arn).versionId('v1') }.policyVersion().document(), 'UTF-8')
    assert doc.contains('"Resource":"arn:aws:ecr:us-east-1:123456789012:repository/*"') : doc
} finally {
    iam.close()
}
true
