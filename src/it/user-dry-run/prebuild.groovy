import dev.ecrplugin.testing.IamFixtures

IamFixtures.ensurePolicy('it-user-dry-run-login')
IamFixtures.createUser('it-user-dry-run')
IamFixtures.deleteUser('it-user-dry-run-new')
new File(basedir, 'aws-credentials').delete()
true
