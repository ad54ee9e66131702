import dev.ecrplugin.testing.EcrFixtures

EcrFixtures.deleteRepositories('it-repository-bad-mutability')
true
