import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
assert log.contains('[INFO] Started a scan of it-scan-timeout:1.0')
assert log.contains('[INFO] Waiting up to 3 s for the scan of it-scan-timeout:1.0')
def failures = log.failures()
assert failures.size() == 1 : failures
// the number of looks depends on how fast moto answers (3 or 2 within 3 s)
assert failures[0] ==~ (/.*:scan \(default-cli\) on project scan-timeout: The scan of it-scan-timeout:1\.0 did not /
        + /complete within 3 s \(ECR reports IN_PROGRESS after [23] looks\): raise <scanTimeout>\/-Decr\.scanTimeout /
        + /\(seconds\), or run ecr:scan again later \(a running scan is not started again\) -> \[Help 1]/) : failures[0]
assert !new File(basedir, 'target/ecr/it-scan-timeout.scan.json').exists()
true
