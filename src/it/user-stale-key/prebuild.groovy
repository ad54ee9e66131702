import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
IamFixtures.createUser('it-user-stale-key')
new File(basedir, 'key-id.before').text = IamFixtures.createAccessKey('it-user-stale-key')[0]
new File(basedir, 'aws-credentials').setText('[stale]\naws_access_key_id = AKIADELETEDLONGAGO00\n'
        + 'aws_secret_access_key = gone\naws_session_token = old-token\nregion = eu-west-1\n# end\n', 'ISO-8859-1')
true
