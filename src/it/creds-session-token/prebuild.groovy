import dev.ecrplugin.testing.EcrFixtures

// moto keeps state between runs: start from no repository, so that "Created" is what this run did
EcrFixtures.deleteRepositories('it-creds-session-token')
true
