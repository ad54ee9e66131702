import dev.ecrplugin.testing.EcrFixtures

EcrFixtures.deleteRepositories('it-creds-bad-profile')
true
