import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.HostForms
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def alias = LocalStack.alias()
def digest = log.digestFile('it-region')
assert digest ==~ /sha256:[0-9a-f]{64}/
assert log.contains('[INFO] Created repository it-region [arn:aws:ecr:eu-west-1:123456789012:repository/it-region]')
assert log.contains("[INFO] Pushed ${alias}/it-region:1.0 (${digest})")
assert !log.contains('[ERROR]')
// the alias names no region: the push is recorded in the one region that holds the repository
assert HostForms.listenerLine("recorded it-region:1.0 ${digest} ") == "recorded it-region:1.0 ${digest} in eu-west-1"
assert HostForms.ecrDigest('eu-west-1', 'it-region', '1.0').orElse(null) == digest
assert !EcrFixtures.repositoryExists('it-region') : 'us-east-1 has no such repository'

// what the listener must not record, each said in its log
def both = HostForms.pushWithDockerCli(basedir, alias, 'it-region-both', '1')
assert HostForms.listenerLine("not recorded it-region-both:1 ${both}") == "not recorded it-region-both:1 ${both}: " +
        "repository it-region-both exists in several regions (eu-west-1, us-east-1) and ${alias} names none: push " +
        'to the region\'s own host (ACCOUNT.dkr.ecr.REGION.amazonaws.com), or keep one'
['us-east-1', 'eu-west-1'].each { region ->
    HostForms.ecr(region).withCloseable { assert it.describeImages { r -> r.repositoryName('it-region-both') }.imageDetails().isEmpty() }
}
def none = HostForms.pushWithDockerCli(basedir, alias, 'it-region-none', '1')
assert HostForms.listenerLine("not recorded it-region-none:1 ${none}") == "not recorded it-region-none:1 ${none}: " +
        "no region of moto holds a repository it-region-none (pushed to ${alias}; create it first)"
def host = LocalStack.registry() // the us-east-1 host, whose ECR has no it-region
def wrong = HostForms.pushWithDockerCli(basedir, host, 'it-region', '2')
assert HostForms.listenerLine("not recorded it-region:2 ${wrong}") == "not recorded it-region:2 ${wrong}: " +
        "${host} names region us-east-1, whose ECR has no repository it-region (it is in eu-west-1)"
HostForms.ecr('eu-west-1').withCloseable { ecr ->
    assert ecr.describeImages { it.repositoryName('it-region') }.imageDetails().every { !it.imageTags().contains('2') }
}
true
