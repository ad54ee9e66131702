import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
// one line per skipped run, and nothing from Maven about missing parameters
assert log.mentioning('Skipping ecr:') == ['[INFO] Skipping ecr:push: ecr.skip is true',
                                          '[INFO] Skipping ecr:push: ecr.push.skip is true']
assert !log.contains('are missing or invalid')
// the third run, not skipped: the goal itself names what is missing
log.assertFailed('push', 'skip-per-goal', '<image> is required: name the image, e.g. myapp:1.0 (POM <image> or -Decr.image)')
assert log.failures().size() == 1 : log.failures()
true
