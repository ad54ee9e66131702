import dev.ecrplugin.testing.LocalStack
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException

def ecr = LocalStack.ecr()
try {
    for (name in ['it-repository-converge']) {
        try {
            ecr.deleteRepository { it.repositoryName(name).force(true) }
        } catch (RepositoryNotFoundException e) {
            // fresh already
        }
    }
    ecr.createRepository { it.repositoryName('it-repository-converge').tags(software.amazon.awssdk.services.ecr.model.Tag.builder().key('owner').value('ops').build()) }
} finally {
    ecr.close()
}
true
