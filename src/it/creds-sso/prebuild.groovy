import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.FakeSsoPortal
import dev.ecrplugin.testing.LocalStack
import java.security.MessageDigest

LocalStack.beforeIt()
// moto keeps state between runs: start from no repository, so that "Created" is what this run did
EcrFixtures.deleteRepositories('it-creds-sso')

def startUrl = 'https://it-creds-sso.awsapps.com/start'
def token = 'it-sso-access-token-' + UUID.randomUUID()
def portal = FakeSsoPortal.start(new File(basedir, 'portal').toPath(), token, 'ASIAITSSO00000000001', 'it-sso-secret')
new File(basedir, 'portal/endpoint').text = portal.endpoint()

def aws = new File(basedir, 'home/.aws')
new File(aws, 'sso/cache').mkdirs()
// the profile: legacy sso_start_url form. The SDK builds its SSO client with the default profile, whose
// services section sends the SSO portal calls (only those) to the fake
new File(aws, 'config').text = """[default]
services = it-sso

[profile dev-sso]
sso_start_url = ${startUrl}
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = Developer
region = us-east-1

[services it-sso]
sso =
  endpoint_url = ${portal.endpoint()}
"""
// the SDK finds the cached token by the SHA-1 of the start URL, as `aws sso login` writes it
def sha1 = MessageDigest.getInstance('SHA-1').digest(startUrl.getBytes('UTF-8')).encodeHex().toString()
new File(aws, "sso/cache/${sha1}.json").text = """{"startUrl": "${startUrl}", "region": "us-east-1",
  "accessToken": "${token}", "expiresAt": "2099-01-01T00:00:00Z"}"""
true
