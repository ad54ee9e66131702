import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def seen = FaultProxy.log().findAll { it.action().startsWith('Create') }
FaultProxy.reset()
def log = ItLog.of(basedir)
def repoArn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-fault-create'
def policyArn = 'arn:aws:iam::123456789012:policy/it-fault-create'
assert log.infos('it-fault-create') == [
        "[INFO] Created repository it-fault-create [${repoArn}]",
        "[INFO] Created IAM policy it-fault-create [${policyArn}]",
].collect { it.toString() }
// each answer was dropped after moto acted, and the SDK's retry found the resource there
assert seen.collect { [it.action(), it.fault()] } == [
        ['CreateRepository', FaultProxy.DROP_AFTER_FORWARD], ['CreateRepository', null],
        ['CreatePolicy', FaultProxy.DROP_AFTER_FORWARD], ['CreatePolicy', null]] : seen
assert EcrFixtures.repository('it-fault-create').imageScanningConfiguration().scanOnPush()
assert IamFixtures.policyVersions('it-fault-create') == [v1: true]
true
