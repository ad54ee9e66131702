import dev.ecrplugin.testing.EcrFixtures

EcrFixtures.deleteRepositories('it-repository-dry-run-new')
EcrFixtures.createRepository('it-repository-dry-run')
true
