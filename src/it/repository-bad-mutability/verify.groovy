import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors == ['[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:create-repository (default-cli) on project repository-bad-mutability: '
        + "<imageTagMutability> 'SOMETIMES' must be MUTABLE or IMMUTABLE (POM <imageTagMutability> or -Decr.imageTagMutability) -> [Help 1]"]
def ecr = LocalStack.ecr()
try {
    assert ecr.describeRepositories().repositories().every { it.repositoryName() != 'it-repository-bad-mutability' }
} finally {
    ecr.close()
}
true
