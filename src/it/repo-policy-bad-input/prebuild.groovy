import dev.ecrplugin.testing.LocalStack

LocalStack.deleteRepository('it-repo-policy-missing')
LocalStack.deleteRepository('it-repo-policy-bad')
def ecr = LocalStack.ecr()
try {
    ecr.createRepository { it.repositoryName('it-repo-policy-bad') }
} finally {
    ecr.close()
}
true
