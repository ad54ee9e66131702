import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
def a = new File(basedir, 'digest-a.txt').text.trim()
def b = new File(basedir, 'digest-b.txt').text.trim()
// both pushes recorded their digests; the last one (b) is what ecr.imageUri names
assert log.digestFile('it-scan2-a') == a
assert log.digestFile('it-scan2-b') == b
// the scan of repository it-scan2-a, named without a tag or digest, is of the image this build pushed there
def image = "it-scan2-a@${a}".toString()
assert log.contains("[INFO] Started a scan of ${image}")
assert log.contains(("[INFO] Scan of ${image} COMPLETE: 1 finding (1 LOW); none at or above CRITICAL "
        + "(<failOnSeverity>); all in ${new File(basedir, 'target/ecr/it-scan2-a.scan.json')}").toString())
assert !log.contains('it-scan2-b@')
assert !log.contains('[ERROR]')
assert new File(basedir, 'target/ecr/it-scan2-a.scan.json').isFile()
true
