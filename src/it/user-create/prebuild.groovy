import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
IamFixtures.deleteUser('it-user-create')
IamFixtures.ensurePolicy('it-user-create-login')
IamFixtures.ensurePolicy('it-user-create-extra')
// another profile with comments, which must survive byte for byte
new File(basedir, 'aws-credentials').setText('# keys of other people\n[other]\naws_access_key_id = AKIAOTHEREXAMPLE\n'
        + 'aws_secret_access_key = other-secret ; keep\nregion=eu-west-1\n', 'ISO-8859-1')
true
