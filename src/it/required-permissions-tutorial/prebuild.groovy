import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.SecretFiles

LocalStack.beforeIt()
IamFixtures.deleteUser('it-rp-usr1')
LocalStack.deletePolicy('it-rp-authOnly')
EcrFixtures.deleteRepositories('it-rp-repo1')
def suffix = Long.toString(System.nanoTime(), 36)
// the CI identity the build runs as: verify.groovy replaces its one inline policy ("policy") with the printed one
def ci = IamFixtures.userWithKey("it-rp-ci-${suffix}", IamFixtures.allowing('sts:GetCallerIdentity'))
// the registry listener records pushes in moto, which with enforcement on needs real keys
def admin = IamFixtures.userWithKey("it-rp-admin-${suffix}", IamFixtures.allowing('*'))
def remote = "${LocalStack.registry()}/it-rp-repo1".toString()
DockerImages.removeImages('it-rp-app:1.0', "${remote}:1.0".toString(), "${remote}:latest".toString())
DockerImages.importImage(basedir, 'it-rp-app:1.0')

// secrets go to owner-only files (the listener reads its file at any time: never half written)
def ownerOnly = { File file, String text -> SecretFiles.writeOwnerOnly(file, text) }
def ciProfile = "[ci]\naws_access_key_id = ${ci.accessKeyId()}\naws_secret_access_key = ${ci.secretAccessKey()}\n"
ownerOnly(new File(basedir, 'aws-credentials'), ciProfile)
ownerOnly(new File(basedir, 'ci.profile'), ciProfile) // verify.groovy's fresh start: the ci profile alone
new File(basedir, 'ci.user').text = ci.name()
ownerOnly(new File(System.getenv('ECR_STACK_DIR'), 'listener.credentials'),
        "${admin.accessKeyId()} ${admin.secretAccessKey()}\n")
// verify.groovy switches it off again; should the build fail before it runs, this hook does when the JVM ends
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
