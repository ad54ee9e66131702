import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.ItLog

def seen = FaultProxy.log()
FaultProxy.reset() // releases the calls still hanging
def log = ItLog.of(basedir)
def failures = log.failures()
assert failures.size() == 1 : failures
assert failures[0].contains(FaultProxy.endpoint()) : "the [ERROR] names the URL tried: ${failures[0]}"
assert failures[0].contains('ecr.apiCallTimeout') : "and the parameter that raises the limit: ${failures[0]}"
assert seen.every { it.fault() == FaultProxy.HANG } && !seen.isEmpty() : seen
// the default whole-call timeout (30 s) ended it, not the SDK's old 4 x 30 s read timeouts: no clock is read here
// (these machines are shared), the verdict is the plugin's own message and the attempts the proxy saw
assert failures[0].contains('did not answer within 30 s (the whole call, retries included)') : failures[0]
assert seen.size() <= 3 : "at most the STANDARD retry mode's 3 attempts of the one call: ${seen}"
true
