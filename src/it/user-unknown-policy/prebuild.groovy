import dev.ecrplugin.testing.IamFixtures

IamFixtures.ensurePolicy('it-user-unknown-policy-login')
IamFixtures.createUser('it-user-unknown-policy')
new File(basedir, 'aws-credentials').delete()
true
