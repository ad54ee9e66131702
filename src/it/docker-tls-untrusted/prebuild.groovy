import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack

LocalStack.beforeIt()
assert LocalStack.untrusted() == 'untrusted.ecr-alias.test' : 'the POM names the stack\'s untrusted name'
EcrFixtures.deleteRepositories('it-untrusted')
DockerImages.removeImages('it-untrusted-app:1.0', 'untrusted.ecr-alias.test/it-untrusted:1.0')
DockerImages.importImage(basedir, 'it-untrusted-app:1.0')
// the control: the same registry, under a trusted name of the same certificate, answers docker (so the refusal below
// is the certificate check, not an unreachable registry)
DockerImages.run(DockerImages.PASSWORD, 'login', '--username', 'AWS', '--password-stdin', LocalStack.alias())
true
