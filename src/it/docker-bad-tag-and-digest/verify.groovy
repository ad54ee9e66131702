import dev.ecrplugin.testing.ItLog

ItLog.of(basedir).assertFailed('pull', 'docker-bad-tag-and-digest', "Set either <tag>/-Decr.tag or <digest>/-Decr.digest to pull, not both (tag '1.0', digest 'sha256:0000000000000000000000000000000000000000000000000000000000000000')")
true
