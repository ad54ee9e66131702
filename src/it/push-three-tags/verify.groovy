import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registry()
def digest = log.digestFile('it-three')
assert digest ==~ /sha256:[0-9a-f]{64}/

// docker ran push once, for the first tag
def commands = new File(basedir, 'docker-commands.log').readLines()
assert commands.findAll { it.split(' ')[0] == 'push' } == ["push ${registry}/it-three:1.0".toString()] : commands
assert log.count('The push refers to repository') == 1
assert log.lines().findAll { it.startsWith('[INFO] Pushed ') || it.startsWith('[INFO] Tagged ') } == [
    "[INFO] Pushed ${registry}/it-three:1.0 (${digest})",
    "[INFO] Tagged ${registry}/it-three:prod (${digest}) with ECR PutImage, no docker push",
    "[INFO] Tagged ${registry}/it-three:stable (${digest}) with ECR PutImage, no docker push",
]*.toString()
assert !log.contains('[ERROR]')
// the registry's record of manifest pushes agrees: docker pushed the manifest once
def pushes = LocalStack.events('it-three').findAll { it.startsWith('push ') && it.endsWith(" ${digest}") }
assert pushes == ["push ${registry} it-three 1.0 ${digest}".toString()] : pushes

// ECR: one image with the three tags; the registry serves each, and docker pulls them with the same digest
def ecr = LocalStack.ecr()
try {
    def images = ecr.describeImages { it.repositoryName('it-three') }.imageDetails()
    assert images.size() == 1 : images
    assert images[0].imageDigest() == digest
    assert images[0].imageTags().sort(false) == ['1.0', 'prod', 'stable']
} finally {
    ecr.close()
}
for (tag in ['1.0', 'prod', 'stable']) {
    assert DockerImages.registryDigest('it-three', tag) == digest
    def ref = "${registry}/it-three:${tag}".toString()
    DockerImages.removeImages(ref)
    def m = DockerImages.docker('pull', ref) =~ /Digest: (sha256:[0-9a-f]{64})/
    assert m.find() && m.group(1) == digest
}
true
