import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
IamFixtures.ensurePolicy('it-user-dry-run-login')
IamFixtures.createUser('it-user-dry-run')
IamFixtures.deleteUser('it-user-dry-run-new')
new File(basedir, 'aws-credentials').delete()
true
