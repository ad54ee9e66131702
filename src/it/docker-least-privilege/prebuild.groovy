import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def suffix = Long.toString(System.nanoTime(), 36)
def iam = LocalStack.iam()
def keys = { String user, String document ->
    iam.createUser { it.userName(user) }
    iam.putUserPolicy { it.userName(user).policyName('policy').policyDocument(document) }
    def key = iam.createAccessKey { it.userName(user) }.accessKey()
    [key.accessKeyId(), key.secretAccessKey()]
}
// the tutorial's authOnly policy, and an admin for the registry listener (it records pushes in moto)
def usr = keys("it-lp-usr1-${suffix}", '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}')
def admin = keys("it-lp-admin-${suffix}", '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}')
iam.close()

DockerImages.deleteRepository('it-lp')
LocalStack.ecr().withCloseable { it.createRepository { r -> r.repositoryName('it-lp') } }
DockerImages.removeImages('it-lp-app:1.0', 'it-lp-copy:1.0', "${LocalStack.registry()}/it-lp:1.0".toString())
DockerImages.importImage(basedir, 'it-lp-app:1.0')

// secrets go to owner-only files, never to argv nor .mvn/jvm.config (world-readable, and on the process list)
def ownerOnly = { File file, String text ->
    Files.deleteIfExists(file.toPath())
    Files.createFile(file.toPath(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString('rw-------')))
    file.text = text
}
// the build reads usr1's keys as the profile usr1 (invoker.properties: AWS_SHARED_CREDENTIALS_FILE, -Decr.profile)
ownerOnly(new File(basedir, 'aws-credentials'), "[usr1]\naws_access_key_id = ${usr[0]}\naws_secret_access_key = ${usr[1]}\n")
ownerOnly(new File(System.getenv('ECR_STACK_DIR'), 'listener.credentials'), "${admin[0]} ${admin[1]}\n")
// verify.groovy switches it off again; should the build fail before it runs, this hook does when the JVM ends
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
