import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

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

new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/jvm.config').text = "-Daws.accessKeyId=${usr[0]} -Daws.secretAccessKey=${usr[1]}\n"
new File(System.getenv('ECR_STACK_DIR'), 'listener.credentials').text = "${admin[0]} ${admin[1]}\n"
// verify.groovy switches it off again; should the build fail before it runs, this hook does when the JVM ends
Runtime.runtime.addShutdownHook(new Thread({ LocalStack.enforceIam(false) }))
LocalStack.enforceIam(true)
true
