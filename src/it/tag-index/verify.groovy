import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack
import dev.ecrplugin.testing.RegistryImages
import software.amazon.awssdk.services.ecr.model.ImageIdentifier

def index = new File(basedir, 'index-digest.txt').text
def log = ItLog.of(basedir)
assert log.infos('it-tag-index:') == ["[INFO] Created tag it-tag-index:release (on ${index})".toString()]
assert !log.contains('[ERROR]')

// the registry: the new tag is the index itself, byte for byte
def multi = RegistryImages.manifest('it-tag-index', 'multi')
def release = RegistryImages.manifest('it-tag-index', 'release')
assert release != null
assert release.digest() == index
assert release.mediaType() == RegistryImages.OCI_INDEX
assert release.bytes() == multi.bytes()
assert RegistryImages.sha256(release.bytes()) == index

// ECR: one image, the index, under both tags, still an index
def ecr = LocalStack.ecr()
try {
    def image = ecr.batchGetImage {
        it.repositoryName('it-tag-index').imageIds(ImageIdentifier.builder().imageTag('release').build())
                .acceptedMediaTypes(RegistryImages.OCI_INDEX)
    }.images()[0]
    assert image.imageId().imageDigest() == index
    assert image.imageManifestMediaType() == RegistryImages.OCI_INDEX
    assert image.imageManifest() == multi.text()
    def details = ecr.describeImages { it.repositoryName('it-tag-index') }.imageDetails()
            .findAll { it.imageDigest() == index }
    assert details.size() == 1 : details
    assert details[0].imageTags().sort(false) == ['multi', 'release']
} finally {
    ecr.close()
}

// docker pulls the new tag: the index, resolved to this machine's platform
def pulled = DockerImages.docker('pull', "${LocalStack.registry()}/it-tag-index:release".toString())
def m = pulled =~ /Digest: (sha256:[0-9a-f]{64})/
assert m.find() : pulled
assert m.group(1) == index : pulled
true
