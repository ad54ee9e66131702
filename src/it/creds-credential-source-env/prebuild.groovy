import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-creds-source-env')
LocalStack.deletePolicy('it-creds-source-env')
// who the environment's keys are (the stack's own IAM user, allowed everything), asked with enforcement on: a key
// moto does not know would fail here
def envUser = IamFixtures.callerArn(LocalStack.adminKeyId(), LocalStack.adminSecretKey())
assert envUser == 'arn:aws:iam::123456789012:user/ecr-stack-admin'
// a role that trusts that user alone, and may create repositories but nothing in IAM
def roleName = "it-source-env-${Long.toString(System.nanoTime(), 36)}"
def iam = LocalStack.iam()
def roleArn = iam.createRole { it.roleName(roleName).assumeRolePolicyDocument(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"' + envUser
                + '"},"Action":"sts:AssumeRole"}]}') }.role().arn()
iam.putRolePolicy { it.roleName(roleName).policyName('p').policyDocument(
        IamFixtures.allowing('ecr:CreateRepository', 'ecr:DescribeRepositories', 'sts:GetCallerIdentity')) }
iam.close()
new File(basedir, 'aws-config').text = """[profile deployer]
role_arn = ${roleArn}
credential_source = Environment
role_session_name = it-source-env
"""
new File(basedir, 'role-name.txt').text = roleName
// verify.groovy switches it off again; should the build fail before it runs, this hook does when the JVM ends
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
