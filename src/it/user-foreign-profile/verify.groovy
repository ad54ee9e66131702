import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def path = new File(basedir, 'aws-credentials').absolutePath
def owner = new File(basedir, 'owner-key-id').text
assert log.failures() == [ItLog.errorLine('create-user', 'user-foreign-profile',
        "Profile 'default' in ${path} holds access key ${owner} of IAM user it-user-foreign-owner, not one of it-user-foreign-profile's: "
        + "create-user does not overwrite it; choose another <accessKeyProfile> (-Decr.accessKeyProfile) or remove that profile from the file; "
        + "nothing was changed")]
assert new File(basedir, 'aws-credentials').bytes == new File(basedir, 'aws-credentials.before').bytes : 'the file is unchanged'
assert !IamFixtures.userExists('it-user-foreign-profile') : 'the user was not created'
assert IamFixtures.accessKeyIds('it-user-foreign-owner') == [owner] : "the owner's key was left alone"
true
