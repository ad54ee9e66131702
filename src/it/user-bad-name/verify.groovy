import dev.ecrplugin.testing.ItLog

def log = ItLog.of(basedir)
assert log.failures() == [ItLog.errorLine('create-user', 'user-bad-name',
        "<userName> 'usr#1' is not a valid IAM user name: use 1 to 64 letters, digits and + = , . @ _ -")]
true
