import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def arn = 'arn:aws:iam::123456789012:policy/it-policy-versions'
def infos = log.readLines().findAll { it.contains('IAM policy it-policy-versions') }
assert infos == ["[INFO] Created IAM policy it-policy-versions [${arn}]",
                 "[INFO] Updated IAM policy it-policy-versions (new default version v2) [${arn}]",
                 "[INFO] IAM policy it-policy-versions already exists, unchanged [${arn}]"]

def iam = LocalStack.iam()
try {
    assert iam.getPolicy { it.policyArn(arn) }.policy().defaultVersionId() == 'v2'
    def versions = iam.listPolicyVersions { it.policyArn(arn) }.versions()
    assert versions*.versionId().sort() == ['v1', 'v2']
    assert versions.find { it.versionId() == 'v2' }.isDefaultVersion()
    def doc = URLDecoder.decode(iam.getPolicyVersion { it.policyArn(arn).versionId('v2') }.policyVersion().document(), 'UTF-8')
    assert doc.contains('ecr:BatchGetImage') : doc
} finally {
    iam.close()
}
true
