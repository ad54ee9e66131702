import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
assert log.failures() == [ItLog.errorLine('create-repository', 'repository-bad-mutability',
        "<imageTagMutability> 'SOMETIMES' must be MUTABLE or IMMUTABLE (POM <imageTagMutability> or -Decr.imageTagMutability)")]
assert !EcrFixtures.repositoryExists('it-repository-bad-mutability')
true
