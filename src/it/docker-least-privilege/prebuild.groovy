import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.PosixFilePermissions

LocalStack.beforeIt()
def suffix = Long.toString(System.nanoTime(), 36)
// the tutorial's authOnly policy (the registry listener records pushes in moto with the stack's own IAM admin user)
def usr = IamFixtures.userWithKey("it-lp-usr1-${suffix}", IamFixtures.LOGIN_ONLY)

EcrFixtures.createRepository('it-lp')
DockerImages.removeImages('it-lp-app:1.0', 'it-lp-copy:1.0', "${LocalStack.registry()}/it-lp:1.0".toString())
DockerImages.importImage(basedir, 'it-lp-app:1.0')

// secrets go to owner-only files, never to argv nor .mvn/jvm.config (world-readable, and on the process list);
// written to a temporary file beside it, then moved into place at once
def ownerOnly = { File file, String text ->
    def temp = Files.createTempFile(file.parentFile.toPath(), ".${file.name}.", '.tmp',
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString('rw-------')))
    Files.writeString(temp, text)
    Files.move(temp, file.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
}
// the build reads usr1's keys as the profile usr1 (invoker.properties: AWS_SHARED_CREDENTIALS_FILE, -Decr.profile)
ownerOnly(new File(basedir, 'aws-credentials'),
        "[usr1]\naws_access_key_id = ${usr.accessKeyId()}\naws_secret_access_key = ${usr.secretAccessKey()}\n")
// verify.groovy switches it off again; should the build fail before it runs, this hook does when the JVM ends
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
