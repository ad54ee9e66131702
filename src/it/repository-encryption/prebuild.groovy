import dev.ecrplugin.testing.EcrFixtures

EcrFixtures.createRepository('it-repository-encryption')
true
