def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors == ['[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:create-user (default-cli) on project user-bad-name: '
        + "<userName> 'usr#1' is not a valid IAM user name: use 1 to 64 letters, digits and + = , . @ _ - -> [Help 1]"]
true
