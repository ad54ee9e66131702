import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-creds-web-identity-profile')
def token = new File(basedir, 'oidc-token.jwt')
token.text = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3ZWItaWRlbnRpdHktcHJvZmlsZSJ9.c2ln'
new File(basedir, 'aws-config').text = """[profile oidc]
role_arn = arn:aws:iam::123456789012:role/it-web-identity-profile
web_identity_token_file = ${token.absolutePath}
role_session_name = it-oidc-profile
"""
true
