import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack
import groovy.json.JsonSlurper
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest

def seen = FaultProxy.log()
FaultProxy.reset()
def log = ItLog.of(basedir)
def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-lifecycle-converge'
def unchanged = [
        "[INFO] Repository it-lifecycle-converge already exists, unchanged [${arn}]",
        '[INFO] Lifecycle policy for it-lifecycle-converge already exists, unchanged',
]
assert log.infos('it-lifecycle-converge') == ([
        "[INFO] Created repository it-lifecycle-converge [${arn}]",
        '[INFO] Created lifecycle policy for it-lifecycle-converge',
] + unchanged + unchanged + [
        "[INFO] [dry run] Repository it-lifecycle-converge already exists, unchanged [${arn}]",
        '[INFO] [dry run] Would update lifecycle policy for it-lifecycle-converge (rule 1 changed, rule 100 added)',
        "[INFO] Repository it-lifecycle-converge already exists, unchanged [${arn}]",
        '[INFO] Updated lifecycle policy for it-lifecycle-converge (rule 1 changed, rule 100 added)',
] + unchanged).collect { it.toString() }
// no warning of the plugin (Maven's resolver warns about checksums of a fresh local repository)
assert log.mentioning('[WARNING]').findAll { !it.contains('file:///') } == []

// one GetLifecyclePolicy a run; PutLifecyclePolicy only by the run that created it and the one that changed it
def actions = seen*.action()
assert actions.count('GetLifecyclePolicy') == 6 : actions
assert actions.count('PutLifecyclePolicy') == 2 : actions
assert actions.count('CreateRepository') == 1 : actions
assert seen.every { it.fault() == null }

// what ECR holds now means what lifecycle-v2.json says (moto keeps the text it was sent)
def stored = LocalStack.ecr().withCloseable { ecr ->
    ecr.getLifecyclePolicy(GetLifecyclePolicyRequest.builder().repositoryName('it-lifecycle-converge').build())
            .lifecyclePolicyText()
}
assert new JsonSlurper().parseText(stored) == new JsonSlurper().parse(new File(basedir, 'lifecycle-v2.json'))
assert EcrFixtures.repositoryExists('it-lifecycle-converge')
true
