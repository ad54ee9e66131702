import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
IamFixtures.ensurePolicy('it-user-two-keys-login')
IamFixtures.createUser('it-user-two-keys')
IamFixtures.createAccessKey('it-user-two-keys')
IamFixtures.createAccessKey('it-user-two-keys')
new File(basedir, 'key-ids.before').text = IamFixtures.accessKeyIds('it-user-two-keys').join(',')
new File(basedir, 'aws-credentials').delete()
true
