import dev.ecrplugin.testing.EcrFixtures

// start from no repository, so the IT passes again on a moto that is not fresh
EcrFixtures.deleteRepositories('it-create-repository')
true
