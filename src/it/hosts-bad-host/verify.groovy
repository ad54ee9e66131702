import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
['pull', 'push'].each { goal ->
    log.assertFailed(goal, 'hosts-bad-host', "<image> 'registry.ecr-alias.test/it-hosts-bad:1' names registry registry.ecr-alias.test, which is not an Amazon ECR registry host (<account>.dkr.ecr.<region>.amazonaws.com, or its FIPS, dual-stack, China or other partition form): to reach ECR through a pull-through proxy or a DNS alias, set <registry>registry.ecr-alias.test</registry> (-Decr.registry=registry.ecr-alias.test); else write the image's ECR URI, or its repository without a registry" + (goal == 'push' ? '; or, to push this local image into an ECR repository, set <repositoryName> (-Decr.repositoryName)' : ''))
}
assert log.failures().size() == 2
// nothing reached ECR or docker
assert !log.lines().any { it.contains('Logged in to') || it.contains('Created repository') || it.contains('The push refers') || it.contains('Pulling from') }
assert HostForms.events(basedir, 'it-hosts-bad', 0) == []
true
