import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:iam::123456789012:policy/it-policy-authOnly'
def infos = log.readLines().findAll { it.contains('IAM policy it-policy-authOnly') }
assert infos == ["[INFO] Created IAM policy it-policy-authOnly [${arn}]",
                 "[INFO] IAM policy it-policy-authOnly already exists, unchanged [${arn}]"]

def iam = LocalStack.iam()
try {
    def policy = iam.getPolicy { it.policyArn(arn) }.policy()
    assert policy.defaultVersionId() == 'v1'
    assert iam.listPolicyVersions { it.policyArn(arn) }.versions()*.versionId() == ['v1']
    def doc = URLDecoder.decode(iam.getPolicyVersion { it.policyArn(arn).versionId('v1') }.policyVersion().document(), 'UTF-8')
    assert doc.contains('"ecr:GetAuthorizationToken"') : doc
} finally {
    iam.close()
}
true
