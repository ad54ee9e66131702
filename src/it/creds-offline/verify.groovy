import dev.ecrplugin.testing.LocalStack

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:create-repository '
        + '(default-cli) on project creds-offline: ecr:create-repository needs the network to reach AWS, but Maven '
        + 'runs offline (-o, or <offline>true</offline> in settings.xml): run it without -o, or skip it with '
        + '-Decr.skip -> [Help 1]')
assert !log.contains('AWS credentials from') : 'offline: no credentials were looked up'

def ecr = LocalStack.ecr()
try {
    assert !ecr.describeRepositories().repositories().any { it.repositoryName() == 'it-creds-offline' }
} finally {
    ecr.close()
}
true
