import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
IamFixtures.ensurePolicy('it-user-unknown-policy-login')
IamFixtures.createUser('it-user-unknown-policy')
new File(basedir, 'aws-credentials').delete()
true
