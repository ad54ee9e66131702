def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors == ['[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:create-repository (default-cli) on project repository-bad-name: '
        + "<repositoryName> 'Repo_1' is not a valid ECR repository name: use 2 to 256 lowercase letters, digits and . _ - /, starting and ending with a letter or digit -> [Help 1]"]
true
