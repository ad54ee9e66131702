import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

try {
    def log = new File(basedir, 'build.log').text
    ['deployer', 'chain'].eachWithIndex { profile, i ->
        assert log.contains("[INFO] AWS credentials from profile '${profile}', region us-east-1 from ")
        assert log.contains("[INFO] Created repository it-creds-role-${i + 1}")
    }
    assert !log.contains('[ERROR]')
    assert !log.contains('amazonaws.com') : 'an STS call went to AWS instead of <endpoint>'
    // the control: the base user's own keys may not create a repository (only the roles may)
    def keys = new File(basedir, 'base.keys').text.trim().split(' ')
    EcrFixtures.assertCreateRepositoryDenied(keys[0], keys[1], 'it-creds-role-denied')
} finally {
    LocalStack.enforceIam(false)
}
['it-creds-role-1', 'it-creds-role-2'].each { assert EcrFixtures.repositoryExists(it) }
true
