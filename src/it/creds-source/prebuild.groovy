// moto keeps state between runs: start from no repository, so that "Created" is what this run did
def ecr = dev.ecrplugin.testing.LocalStack.ecr()
try {
    ecr.deleteRepository { it.repositoryName('it-creds-source').force(true) }
} catch (software.amazon.awssdk.services.ecr.model.EcrException absent) {
    // not there: fine
} finally {
    ecr.close()
}

true
