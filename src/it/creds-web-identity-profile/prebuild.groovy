import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-creds-web-identity-profile')
def suffix = Long.toString(System.nanoTime(), 36)
// the role the token is exchanged for is the only identity the build holds (the stack's admin keys are blanked,
// invoker.properties); with moto enforcing IAM, an identity not allowed ecr:CreateRepository is refused (verify.groovy)
def roleName = "it-web-identity-profile-${suffix}"
def iam = LocalStack.iam()
def roleArn = iam.createRole { it.roleName(roleName).assumeRolePolicyDocument(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":'
                + '"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},'
                + '"Action":"sts:AssumeRoleWithWebIdentity"}]}') }.role().arn()
iam.putRolePolicy { it.roleName(roleName).policyName('p').policyDocument(
        IamFixtures.allowing('ecr:CreateRepository', 'ecr:DescribeRepositories', 'sts:GetCallerIdentity')) }
iam.close()
def token = new File(basedir, 'oidc-token.jwt')
token.text = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3ZWItaWRlbnRpdHktcHJvZmlsZSJ9.c2ln'
new File(basedir, 'aws-config').text = """[profile oidc]
role_arn = ${roleArn}
web_identity_token_file = ${token.absolutePath}
role_session_name = it-oidc-profile
"""
// verify.groovy switches it off again; should the build fail before it runs, this hook does when the JVM ends
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
