import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-repository-dry-run'
assert log.infos('it-repository-dry-run') == [
        "[INFO] [dry run] Would update repository it-repository-dry-run (imageTagMutability MUTABLE -> IMMUTABLE; tags set: team) [${arn}]",
        '[INFO] [dry run] Would create repository it-repository-dry-run-new',
].collect { it.toString() }
assert EcrFixtures.repository('it-repository-dry-run').imageTagMutabilityAsString() == 'MUTABLE'
assert EcrFixtures.tags('it-repository-dry-run').isEmpty()
assert !EcrFixtures.repositoryExists('it-repository-dry-run-new') : 'it-repository-dry-run-new was created'
true
