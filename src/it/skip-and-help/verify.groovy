def log = new File(basedir, 'build.log').text
for (goal in ['create-policy', 'create-user', 'create-repository', 'set-repository-policy', 'login', 'push', 'pull', 'help']) {
    assert log.contains("ecr:${goal}") : "ecr:help does not list ecr:${goal}"
}
def skipLines = log.readLines().findAll { it.contains('Skipping ecr:create-repository') }
assert skipLines == ['[INFO] Skipping ecr:create-repository: ecr.skip is true',
                     '[INFO] Skipping ecr:create-repository: ecr.create-repository.skip is true']
// a full configuration, and the goal's own skip
assert log.readLines().findAll { it.contains('Skipping ecr:push') } == ['[INFO] Skipping ecr:push: ecr.push.skip is true']
assert !log.contains('[ERROR]')
true
