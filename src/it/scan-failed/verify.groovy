import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def digest = new File(basedir, 'digest.txt').text.trim()
assert log.contains("[INFO] Started a scan of it-scan-failed@${digest}")
log.assertFailed('scan', 'scan-failed', "The scan of it-scan-failed@${digest} FAILED: UnsupportedImageError: The "
        + "operating system and/or package manager are not supported. Fix what ECR names, or check that it can scan "
        + "the image's operating system")
assert log.failures().size() == 1 : log.failures()
assert !new File(basedir, 'target/ecr/it-scan-failed.scan.json').exists()
true
