import dev.ecrplugin.aws.SsoFront
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack
import java.security.MessageDigest

LocalStack.beforeIt()
// moto keeps state between runs: start from no repository, so that "Created" is what this run did
EcrFixtures.deleteRepositories('it-creds-sso', 'it-creds-sso-session')
// the SSO role's credentials: a session of a role that may use ECR, assumed by a user that may not (moto checks
// them while enforcing IAM)
def suffix = Long.toString(System.nanoTime(), 36)
def user = IamFixtures.userWithKey("it-sso-user-${suffix}", IamFixtures.allowing('sts:AssumeRole'))
def iam = LocalStack.iam()
def roleArn = iam.createRole { it.roleName("it-sso-role-${suffix}").assumeRolePolicyDocument(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"' + user.arn()
                + '"},"Action":"sts:AssumeRole"}]}') }.role().arn()
iam.putRolePolicy { it.roleName("it-sso-role-${suffix}").policyName('p').policyDocument(IamFixtures.allowing('ecr:*')) }
iam.close()
def sts = LocalStack.sts(user.accessKeyId(), user.secretAccessKey())
def role = sts.assumeRole { it.roleArn(roleArn).roleSessionName('it-sso') }.credentials()
sts.close()

def startUrl = 'https://it-creds-sso.awsapps.com/start'
def token = 'it-sso-access-token-' + UUID.randomUUID()
def front = SsoFront.start(new File(basedir, 'portal').toPath(), LocalStack.endpoint(), token, role.accessKeyId(),
        role.secretAccessKey(), role.sessionToken())
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dit.ssoFront=${front.endpoint()}\n"

def aws = new File(basedir, 'home/.aws')
new File(aws, 'sso/cache').mkdirs()
new File(aws, 'config').text = """[profile dev-sso]
sso_start_url = ${startUrl}
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = Developer
region = us-east-1

[profile dev-session]
sso_session = it-session
sso_account_id = 123456789012
sso_role_name = Developer
region = us-east-1

[sso-session it-session]
sso_start_url = ${startUrl}
sso_region = us-east-1
"""
// the SDK finds a cached token by the SHA-1 of the start URL (legacy) or of the session's name, as
// `aws sso login` writes them
def sha1 = { String s -> MessageDigest.getInstance('SHA-1').digest(s.getBytes('UTF-8')).encodeHex().toString() }
new File(aws, "sso/cache/${sha1(startUrl)}.json").text = """{"startUrl": "${startUrl}", "region": "us-east-1",
  "accessToken": "${token}", "expiresAt": "2099-01-01T00:00:00Z"}"""
new File(aws, "sso/cache/${sha1('it-session')}.json").text = """{"startUrl": "${startUrl}", "region": "us-east-1",
  "accessToken": "${token}", "expiresAt": "2099-01-01T00:00:00Z", "refreshToken": "it-refresh",
  "clientId": "it-client", "clientSecret": "it-client-secret", "registrationExpiresAt": "2099-01-01T00:00:00Z"}"""
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
