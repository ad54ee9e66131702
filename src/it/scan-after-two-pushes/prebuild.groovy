import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.MotoScanFindings
import dev.ecrplugin.testing.ScanFixtures

LocalStack.beforeIt()
// two images, one in each repository (the build's ecr:push finds each there and records its digest)
def a = ScanFixtures.pushedImage(basedir, 'it-scan2-a-app:1.0', 'it-scan2-a', '1.0')
def b = ScanFixtures.pushedImage(basedir, 'it-scan2-b-app:1.0', 'it-scan2-b', '1.0')
assert a != b
new File(basedir, 'digest-a.txt').text = a
new File(basedir, 'digest-b.txt').text = b
MotoScanFindings.forImage('it-scan2-a', a, 'COMPLETE', 'The scan was completed successfully.')
        .finding('CVE-2024-3333', 'LOW', 'busybox', '1.36', 'https://nvd.nist.gov/vuln/detail/CVE-2024-3333')
        .seed()
true
