import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-creds-role-1', 'it-creds-role-2')
def suffix = Long.toString(System.nanoTime(), 36)
// the base user may assume the first role and nothing else (no ecr:*)
def base = IamFixtures.userWithKey("it-role-base-${suffix}", IamFixtures.allowing('sts:AssumeRole'))
def iam = LocalStack.iam()
def role = { String name, String trusted ->
    def arn = iam.createRole { it.roleName(name).assumeRolePolicyDocument(
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"' + trusted
                    + '"},"Action":"sts:AssumeRole"}]}') }.role().arn()
    iam.putRolePolicy { it.roleName(name).policyName('p').policyDocument(
            IamFixtures.allowing('ecr:*', 'sts:AssumeRole', 'sts:GetCallerIdentity')) }
    arn
}
def first = role("it-role-first-${suffix}", base.arn())
def second = role("it-role-second-${suffix}",
        "arn:aws:sts::123456789012:assumed-role/it-role-first-${suffix}/it-hop-1")
iam.close()

def ownerOnly = { File file, String text ->
    file.delete()
    Files.createFile(file.toPath(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString('rw-------')))
    file.text = text
}
ownerOnly(new File(basedir, 'aws-credentials'),
        "[base]\naws_access_key_id = ${base.accessKeyId()}\naws_secret_access_key = ${base.secretAccessKey()}\n")
new File(basedir, 'aws-config').text = """[profile deployer]
role_arn = ${first}
source_profile = base
role_session_name = it-hop-1

[profile chain]
role_arn = ${second}
source_profile = deployer
role_session_name = it-hop-2
"""
ownerOnly(new File(basedir, 'base.keys'), "${base.accessKeyId()} ${base.secretAccessKey()}")
// verify.groovy switches it off again; should the build fail before it runs, this hook does when the JVM ends
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
