import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-repository-encryption'
def lines = log.lines().findAll { (it.startsWith('[INFO] ') || it.startsWith('[WARNING] ')) && it.contains('it-repository-encryption') }
assert lines == [
        '[WARNING] Repository it-repository-encryption is encrypted with AES256, not KMS: ECR cannot change encryption after creation; recreate the repository to change it',
        "[INFO] Repository it-repository-encryption already exists, unchanged [${arn}]",
].collect { it.toString() }
assert log.contains('BUILD SUCCESS')
assert EcrFixtures.repository('it-repository-encryption').encryptionConfiguration().encryptionTypeAsString() == 'AES256'
true
