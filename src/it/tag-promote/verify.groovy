import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def registry = LocalStack.registry()
def digest = log.digestFile('it-tag')
assert digest ==~ /sha256:[0-9a-f]{64}/
def infos = log.lines().findAll { it.startsWith('[INFO] ') && (it.contains('it-tag:') || it.contains('it-tag ')) }
assert infos == [
    // 1: one docker push, then the tag goal on the digest the push recorded
    "[INFO] Created repository it-tag [arn:aws:ecr:us-east-1:${LocalStack.ACCOUNT}:repository/it-tag]",
    "[INFO] Pushed ${registry}/it-tag:1.0 (${digest})",
    "[INFO] Created tag it-tag:prod (on ${digest})",
    "[INFO] Created tag it-tag:stable (on ${digest})",
    // 2: the same tags again: nothing to do
    "[INFO] Tag it-tag:prod already exists, unchanged (on ${digest})",
    "[INFO] Tag it-tag:stable already exists, unchanged (on ${digest})",
    // 3: the plan only
    "[INFO] [dry run] Tag it-tag:prod already exists, unchanged (on ${digest})",
    "[INFO] [dry run] Would create tag it-tag:canary (on ${digest})",
]*.toString()
assert log.count('The push refers to repository') == 1 : 'docker pushed once'
assert !log.contains('[ERROR]')
// no warning of the plugin's (Maven's own about the checksums of the ITs' local repository aside)
assert log.lines().findAll { it.startsWith('[WARNING]') && !it.contains('Could not validate integrity') } == []

// ECR: one image, all three tags on one digest; the dry run added nothing
def ecr = LocalStack.ecr()
try {
    def images = ecr.describeImages { it.repositoryName('it-tag') }.imageDetails()
    assert images.size() == 1 : images
    assert images[0].imageDigest() == digest
    assert images[0].imageTags().sort(false) == ['1.0', 'prod', 'stable']
} finally {
    ecr.close()
}
// docker pulls each tag the tag goal added from the registry, with the same digest
for (tag in ['prod', 'stable']) {
    def ref = "${registry}/it-tag:${tag}".toString()
    DockerImages.removeImages(ref)
    def pulled = DockerImages.docker('pull', ref)
    def m = pulled =~ /Digest: (sha256:[0-9a-f]{64})/
    assert m.find() : pulled
    assert m.group(1) == digest : pulled
    assert DockerImages.registryDigest('it-tag', tag) == digest
}
assert DockerImages.registryDigest('it-tag', 'canary') == null
// the registry's record of docker's manifest pushes: only 1.0 (the tags came from PutImage, not from docker)
def pushes = LocalStack.events('it-tag').findAll { it.startsWith('push ') && it.endsWith(" ${digest}") }
assert pushes == ["push ${registry} it-tag 1.0 ${digest}".toString()] : pushes
true
