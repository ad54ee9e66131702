import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
IamFixtures.deleteUser('it-user-foreign-profile')
IamFixtures.ensurePolicy('it-user-foreign-profile-login')
IamFixtures.createUser('it-user-foreign-owner')
def key = IamFixtures.createAccessKey('it-user-foreign-owner')
new File(basedir, 'owner-key-id').text = key[0]
// the owner's working credentials in [default], among other bytes (CRLF, comments, no final line break)
def text = "# admin's keys\r\n[default]\r\naws_access_key_id = ${key[0]}\r\naws_secret_access_key = ${key[1]} ; keep\r\n" +
        "region = eu-west-1\r\n\r\n[other]\r\naws_access_key_id=AKIAOTHEREXAMPLE\r\naws_secret_access_key=x"
new File(basedir, 'aws-credentials').setText(text, 'ISO-8859-1')
new File(basedir, 'aws-credentials.before').bytes = new File(basedir, 'aws-credentials').bytes
true
