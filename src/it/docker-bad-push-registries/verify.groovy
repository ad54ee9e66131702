import dev.ecrplugin.testing.DockerImages

def lines = new File(basedir, 'build.log').readLines()
def expect = { String goal, String message ->
    def expected = DockerImages.errorLine(goal, 'docker-bad-push-registries', message)
    assert lines.contains(expected) : "no line\n${expected}\nin\n" + lines.findAll { it.startsWith('[ERROR] Failed') }.join('\n')
}
['push', 'pull'].each { goal ->
    expect(goal, "<registryIds> names 2 registries (111111111111, 222222222222) but ecr:${goal} works with one: name one (POM <registryIds> or -Decr.registryIds), or run ecr:${goal} once per registry")
}
expect('push', '<createRepository> creates repositories in your own account (123456789012) only, but the push goes to registry 210987654321: create repository it-bad-push-registries in account 210987654321 first and remove <createRepository>/-Decr.createRepository, or push to your own registry')
assert !lines.any { it.contains('Logged in to') || it.contains('Created repository') }
assert !DockerImages.repositoryExists('it-bad-push-registries')
true
