import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack

try {
    def log = new File(basedir, 'build.log').text
    def registry = LocalStack.registry()
    def digest = new File(basedir, 'target/ecr/it-lp.digest').text.trim()
    assert log.contains("[INFO] Logged in to ${registry} (ECR registry 123456789012)")
    assert log.contains('[WARNING] Could not check that repository it-lp exists (User: arn:aws:iam::123456789012:user/it-lp-usr1-')
    assert log.contains('is not authorized to perform: ecr:DescribeRepositories')
    assert log.contains('[WARNING] Could not ask ECR which images repository it-lp holds (')
    assert log.contains("[INFO] Pushed ${registry}/it-lp:1.0 (${digest})")
    assert log.contains("[INFO] Pulled ${registry}/it-lp:1.0 (${digest}) as it-lp-copy:1.0")
    assert !log.contains('[ERROR]')
    assert log.count('BUILD SUCCESS') == 2
} finally {
    LocalStack.enforceIam(false)
    new File(System.getenv('ECR_STACK_DIR'), 'listener.credentials').delete()
}
// recorded by the listener with the admin's keys
assert DockerImages.ecrDigest('it-lp', '1.0').isPresent()
true
