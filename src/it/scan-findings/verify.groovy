import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack
import groovy.json.JsonSlurper
import software.amazon.awssdk.services.ecr.model.LimitExceededException

def log = ItLog.of(basedir)
def digest = new File(basedir, 'digest.txt').text.trim()
def image = "it-scan@${digest}".toString()
def file = new File(basedir, 'target/ecr/it-scan.scan.json')

// push (to ECR's own host, no <registry>) recorded the digest; both scans ran after it, in the POM's order
def push = log.lines().indexOf(ItLog.executionLine('push', 'ecr-push', 'scan-findings'))
def report = log.lines().indexOf(ItLog.executionLine('scan', 'scan-report', 'scan-findings'))
def gate = log.lines().indexOf(ItLog.executionLine('scan', 'scan-gate', 'scan-findings'))
assert push >= 0 && push < report && report < gate : [push, report, gate]
assert log.contains("[INFO] ECR repository it-scan already holds 1.0 as ${digest}; push skipped")
assert log.digestFile('it-scan') == digest

// scan-report: started the scan of the pushed digest, waited, reported; CRITICAL lets it pass
def reportLines = log.lines().subList(report, gate)
assert reportLines.contains("[INFO] Started a scan of ${image}".toString()) : reportLines
assert reportLines.contains("[INFO] Waiting up to 600 s for the scan of ${image}".toString()) : reportLines
assert reportLines.contains(("[INFO] Scan of ${image} COMPLETE: 2 findings (1 HIGH, 1 MEDIUM); none at or above "
        + "CRITICAL (<failOnSeverity>); all in ${file}").toString()) : reportLines
assert reportLines.contains('[INFO]   HIGH CVE-2024-1111 openssl 3.0.2 https://nvd.nist.gov/vuln/detail/CVE-2024-1111')
assert reportLines.contains('[INFO]   MEDIUM CVE-2024-2222 zlib 1.2.11 https://nvd.nist.gov/vuln/detail/CVE-2024-2222')
// ECR did start a scan of that image today: a second StartImageScan is refused (one basic scan a day)
def ecr = LocalStack.ecr()
try {
    ecr.startImageScan { it.repositoryName('it-scan').imageId { id -> id.imageDigest(digest) } }
    assert false : 'ECR holds no scan of the image: ecr:scan did not start one'
} catch (LimitExceededException expected) {
    // the plugin's scan
} finally {
    ecr.close()
}

// scan-gate: read the existing scan (no second start), failed on the HIGH finding, naming it and not the MEDIUM one
def gateLines = log.lines().subList(gate, log.lines().size())
assert !gateLines.any { it.contains('Started a scan') || it.contains('recently') } : gateLines
def failures = log.failures()
assert failures.size() == 1 : failures
assert failures[0].endsWith((":scan (scan-gate) on project scan-findings: Image ${image} has 1 finding at or above "
        + "HIGH: CVE-2024-1111 (HIGH, openssl 3.0.2) (all findings in ${file}). Fix the image, or change "
        + "<failOnSeverity>/-Decr.failOnSeverity (CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED; NONE only "
        + "reports) -> [Help 1]").toString()) : failures[0]
assert !failures[0].contains('CVE-2024-2222')

// the JSON: every finding, in the shape of aws ecr describe-image-scan-findings
def json = new JsonSlurper().parse(file)
assert json.registryId == LocalStack.ACCOUNT
assert json.repositoryName == 'it-scan'
assert json.imageId.imageDigest == digest
assert json.imageScanStatus == [status: 'COMPLETE', description: 'The scan was completed successfully.']
assert json.imageScanFindings.findingSeverityCounts == [HIGH: 1, MEDIUM: 1]
assert json.imageScanFindings.findings.collect { [it.name, it.severity, it.uri] } == [
        ['CVE-2024-1111', 'HIGH', 'https://nvd.nist.gov/vuln/detail/CVE-2024-1111'],
        ['CVE-2024-2222', 'MEDIUM', 'https://nvd.nist.gov/vuln/detail/CVE-2024-2222']]
assert json.imageScanFindings.findings[0].description == 'CVE-2024-1111 in openssl'
assert json.imageScanFindings.findings[0].attributes == [[key: 'package_version', value: '3.0.2'],
        [key: 'package_name', value: 'openssl'], [key: 'CVSS2_SCORE', value: '7.5']]
assert json.imageScanFindings.findings[1].attributes.find { it.key == 'package_name' }.value == 'zlib'
true
