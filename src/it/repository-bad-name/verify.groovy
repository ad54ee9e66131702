import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
assert log.failures() == [ItLog.errorLine('create-repository', 'repository-bad-name',
        "<repositoryName> 'Repo_1' is not a valid ECR repository name: use 2 to 256 lowercase letters, digits and . _ - /, starting and ending with a letter or digit")]
true
