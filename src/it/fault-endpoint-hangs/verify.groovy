import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.ItLog

def seconds = (System.currentTimeMillis() - Long.parseLong(new File(basedir, 'started').text)) / 1000
def seen = FaultProxy.log()
FaultProxy.reset() // releases the calls still hanging
def log = ItLog.of(basedir)
def failures = log.failures()
assert failures.size() == 1 : failures
assert failures[0].contains(FaultProxy.endpoint()) : "the [ERROR] names the URL tried: ${failures[0]}"
assert failures[0].contains('ecr.apiCallTimeout') : "and the parameter that raises the limit: ${failures[0]}"
assert seen.every { it.fault() == FaultProxy.HANG } && !seen.isEmpty() : seen
// the default call timeout is 30 s; Maven's start and the build around it take some seconds more
assert seconds < 75 : "the goal took ${seconds} s"
true
