import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.TinyProxy
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

LocalStack.beforeIt()
EcrFixtures.deleteRepositories('it-creds-proxy-role')
def suffix = Long.toString(System.nanoTime(), 36)
def base = IamFixtures.userWithKey("it-proxy-role-base-${suffix}", IamFixtures.allowing('sts:AssumeRole'))
def iam = LocalStack.iam()
def name = "it-proxy-role-${suffix}"
def roleArn = iam.createRole { it.roleName(name).assumeRolePolicyDocument(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"' + base.arn()
                + '"},"Action":"sts:AssumeRole"}]}') }.role().arn()
iam.putRolePolicy { it.roleName(name).policyName('p').policyDocument(IamFixtures.allowing('ecr:*')) }
iam.close()

// files that hold a secret (keys, the proxy's password) are the owner's alone
def ownerOnly = { File file, String text ->
    file.delete()
    Files.createFile(file.toPath(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString('rw-------')))
    file.text = text
}
ownerOnly(new File(basedir, 'aws-credentials'), "[base]\naws_access_key_id = ${base.accessKeyId()}\naws_secret_access_key = ${base.secretAccessKey()}\n")
new File(basedir, 'aws-config').text = "[profile deployer]\nrole_arn = ${roleArn}\nsource_profile = base\nrole_session_name = it-proxied\n"

def proxy = TinyProxy.start(new File(basedir, 'proxy').toPath())
new File(basedir, 'proxy/pid').text = proxy.pid()
proxy.writeSettings(new File(basedir, 'proxy-settings.xml').toPath(), null)
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
