import dev.ecrplugin.testing.ItLog

ItLog.of(basedir).assertFailed('push', 'docker-bad-tag', "<tags> '-bad' is not a valid image tag: use up to 128 letters, digits, _ . and -, not starting with . or - (POM <tags> or -Decr.tags)")
true
