import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-create-repository'
assert log.contains("[INFO] Created repository it-create-repository [${arn}]")
assert log.contains("[INFO] Repository it-create-repository already exists, unchanged [${arn}]")

def repo = EcrFixtures.repository('it-create-repository')
assert repo.repositoryArn() == arn
assert repo.imageScanningConfiguration().scanOnPush()
true
