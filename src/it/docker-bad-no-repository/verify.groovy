import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

ItLog.of(basedir).assertFailed('push', 'docker-bad-no-repository', 'Repository it-bad-no-repository does not exist in ECR: create it first (ecr:create-repository), or set <createRepository>true</createRepository> (-Decr.createRepository=true)')
assert !EcrFixtures.repositoryExists('it-bad-no-repository')
true
