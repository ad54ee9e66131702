import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
assert log.failures() == [ItLog.errorLine('create-repository', 'creds-offline',
        'ecr:create-repository needs the network to reach AWS, but Maven runs offline (-o, or <offline>true</offline> '
        + 'in settings.xml): run it without -o, or skip it with -Decr.skip')]
assert !log.contains('AWS credentials from') : 'offline: no credentials were looked up'
assert !EcrFixtures.repositoryExists('it-creds-offline')
true
