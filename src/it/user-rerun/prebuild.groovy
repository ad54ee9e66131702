import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
def policy = IamFixtures.ensurePolicy('it-user-rerun-login')
IamFixtures.createUser('it-user-rerun', policy)
def (id, secret) = IamFixtures.createAccessKey('it-user-rerun')
def text = "[default]\r\nregion = us-east-1\r\n[it-user-rerun]\r\naws_access_key_id = ${id}\r\naws_secret_access_key = ${secret}\r\n"
new File(basedir, 'aws-credentials').setText(text, 'ISO-8859-1')
new File(basedir, 'aws-credentials.before').setText(text, 'ISO-8859-1')
new File(basedir, 'key-id.before').text = id
true
