import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-repository-converge'
assert log.infos('it-repository-converge') == [
        "[INFO] Updated repository it-repository-converge (imageTagMutability MUTABLE -> IMMUTABLE; scanOnPush false -> true; tags set: team) [${arn}]",
        "[INFO] Repository it-repository-converge already exists, unchanged [${arn}]",
].collect { it.toString() }
assert !log.contains('[WARNING]')
def repo = EcrFixtures.repository('it-repository-converge')
assert repo.imageTagMutabilityAsString() == 'IMMUTABLE'
assert repo.imageScanningConfiguration().scanOnPush()
assert EcrFixtures.tags('it-repository-converge') == [owner: 'ops', team: 'platform'] : 'the missing tag was added, the other kept'
true
