import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
// five versions v1..v5 of it-policy-limit, then v1 made the default again: the oldest version is the default
def doc = { n -> """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:ListImages","Resource":"arn:aws:ecr:*:*:repository/r${n}"}]}""" }
LocalStack.deletePolicy('it-policy-limit')
def iam = LocalStack.iam()
try {
    def arn = iam.createPolicy { it.policyName('it-policy-limit').policyDocument(doc(1)) }.policy().arn()
    (2..5).each { n -> iam.createPolicyVersion { it.policyArn(arn).policyDocument(doc(n)).setAsDefault(true) } }
    iam.setDefaultPolicyVersion { it.policyArn(arn).versionId('v1') }
} finally {
    iam.close()
}
true
