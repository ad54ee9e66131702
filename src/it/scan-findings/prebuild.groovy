import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.MotoScanFindings
import dev.ecrplugin.testing.ScanFixtures

LocalStack.beforeIt()
// the image in ECR (pushed with the docker CLI; the build's ecr:push finds it there and records its digest)
def digest = ScanFixtures.pushedImage(basedir, 'it-scan-app:1.0', 'it-scan', '1.0')
new File(basedir, 'digest.txt').text = digest
// what moto's DescribeImageScanFindings answers for that digest once a scan was started
MotoScanFindings.forImage('it-scan', digest, 'COMPLETE', 'The scan was completed successfully.')
        .finding('CVE-2024-1111', 'HIGH', 'openssl', '3.0.2', 'https://nvd.nist.gov/vuln/detail/CVE-2024-1111')
        .finding('CVE-2024-2222', 'MEDIUM', 'zlib', '1.2.11', 'https://nvd.nist.gov/vuln/detail/CVE-2024-2222')
        .seed()
true
