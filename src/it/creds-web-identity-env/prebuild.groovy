import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-creds-web-identity')
// what an OIDC provider hands the runner: a JWT (moto's STS does not check its signature)
new File(basedir, 'oidc-token.jwt').text = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXBvOmVjci1tYXZlbi1wbHVnaW4ifQ.c2ln'
true
