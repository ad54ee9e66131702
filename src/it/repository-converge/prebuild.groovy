import dev.ecrplugin.testing.EcrFixtures

EcrFixtures.createRepository('it-repository-converge', 'owner', 'ops')
true
