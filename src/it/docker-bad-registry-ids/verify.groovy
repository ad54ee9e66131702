import dev.ecrplugin.testing.ItLog

ItLog.of(basedir).assertFailed('login', 'docker-bad-registry-ids', "<registryIds> '12345' is not an AWS account id (12 digits) (POM <registryIds> or -Decr.registryIds)")
true
