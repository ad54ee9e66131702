import dev.ecrplugin.testing.LocalStack
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException

def ecr = LocalStack.ecr()
try {
    for (name in ['it-repository-bad-mutability']) {
        try {
            ecr.deleteRepository { it.repositoryName(name).force(true) }
        } catch (RepositoryNotFoundException e) {
            // fresh already
        }
    }
    
} finally {
    ecr.close()
}
true
