import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-creds-web-identity')
// the role AWS_ROLE_ARN names (invoker.properties) is the only identity the build holds (the stack's admin keys are
// blanked); with moto enforcing IAM, an identity not allowed ecr:CreateRepository is refused (verify.groovy)
def iam = LocalStack.iam()
try {
    iam.deleteRolePolicy { it.roleName('it-ci-oidc').policyName('p') }
    iam.deleteRole { it.roleName('it-ci-oidc') }
} catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
    // a fresh stack
}
iam.createRole { it.roleName('it-ci-oidc').assumeRolePolicyDocument(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":'
                + '"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},'
                + '"Action":"sts:AssumeRoleWithWebIdentity"}]}') }
iam.putRolePolicy { it.roleName('it-ci-oidc').policyName('p').policyDocument(
        IamFixtures.allowing('ecr:CreateRepository', 'ecr:DescribeRepositories', 'sts:GetCallerIdentity')) }
iam.close()
// what an OIDC provider hands the runner: a JWT (moto's STS does not check its signature)
new File(basedir, 'oidc-token.jwt').text = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXBvOmVjci1tYXZlbi1wbHVnaW4ifQ.c2ln'
// verify.groovy switches it off again; should the build fail before it runs, this hook does when the JVM ends
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
