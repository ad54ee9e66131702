import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
['push', 'pull'].each { goal ->
    log.assertFailed(goal, 'docker-bad-push-registries', "<registryIds> names 2 registries (111111111111, 222222222222) but ecr:${goal} works with one: name one (POM <registryIds> or -Decr.registryIds), or run ecr:${goal} once per registry")
}
log.assertFailed('push', 'docker-bad-push-registries', '<createRepository> creates repositories in your own account (123456789012) only, but the push goes to registry 210987654321: create repository it-bad-push-registries in account 210987654321 first and remove <createRepository>/-Decr.createRepository, or push to your own registry')
assert !log.lines().any { it.contains('Logged in to') || it.contains('Created repository') }
assert !EcrFixtures.repositoryExists('it-bad-push-registries')
true
