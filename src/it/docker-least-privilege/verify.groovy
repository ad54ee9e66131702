import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.LocalStack
import groovy.io.FileType
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

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
    // usr1's secret is in its owner-only credentials file and nowhere else (not .mvn/jvm.config, not the log)
    def ownerOnly = PosixFilePermissions.fromString('rw-------')
    def credentials = new File(basedir, 'aws-credentials')
    assert Files.getPosixFilePermissions(credentials.toPath()) == ownerOnly
    def secret = (credentials.text =~ /aws_secret_access_key = (\S+)/)[0][1]
    def leaks = []
    basedir.eachFileRecurse(FileType.FILES) { if (it != credentials && it.text.contains(secret)) leaks << it }
    assert leaks.isEmpty() : "usr1's secret key in ${leaks}"
} finally {
    LocalStack.enforceIam(false)
}
// recorded by the registry listener while moto enforced IAM, signed as the stack's IAM admin user
assert DockerImages.ecrDigest('it-lp', '1.0').isPresent()
true
