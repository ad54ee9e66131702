import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.MotoScanFindings
import dev.ecrplugin.testing.ScanFixtures

LocalStack.beforeIt()
def digest = ScanFixtures.pushedImage(basedir, 'it-scan-timeout-app:1.0', 'it-scan-timeout', '1.0')
// once started, moto reports the scan as running, every time it is asked
MotoScanFindings.forImage('it-scan-timeout', digest, 'IN_PROGRESS', null).seed()
true
