import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.MotoScanFindings
import dev.ecrplugin.testing.ScanFixtures

LocalStack.beforeIt()
def digest = ScanFixtures.pushedImage(basedir, 'it-scan-failed-app:1.0', 'it-scan-failed', '1.0')
new File(basedir, 'digest.txt').text = digest
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('SCAN_DIGEST', digest)
MotoScanFindings.forImage('it-scan-failed', digest, 'FAILED',
        "UnsupportedImageError: The operating system and/or package manager are not supported.").seed()
true
