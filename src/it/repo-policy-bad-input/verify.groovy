import dev.ecrplugin.testing.LocalStack
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException

def log = new File(basedir, 'build.log').text
def prefix = '[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:set-repository-policy (default-cli) on project repo-policy-bad-input: '
def errors = log.readLines().findAll { it.startsWith(prefix) }.collect { it.substring(prefix.length()) }
assert errors == [
    "Repository it-repo-policy-missing does not exist: create it first with ecr:create-repository (bind it before ecr:set-repository-policy), or fix <repositoryName>/-Decr.repositoryName -> [Help 1]",
    "<repositoryPolicyFile> 'no-principal.json' statement 1 has no \"Principal\": a repository policy says who may act, e.g. \"Principal\": {\"AWS\": \"arn:aws:iam::\${aws.accountId}:user/usr1\"} -> [Help 1]",
    "<repositoryPolicyFile> and <repositoryPolicyDocument> are both set: give the repository policy either as a file (<repositoryPolicyFile> or -Decr.repositoryPolicyFile) or inline (<repositoryPolicyDocument>), not both -> [Help 1]",
    "<repositoryName> 'It_Repo' is not a valid ECR repository name: use 2 to 256 lowercase letters, digits and . _ - /, starting and ending with a letter or digit -> [Help 1]",
]

def ecr = LocalStack.ecr()
try {
    try {
        ecr.describeRepositories { it.repositoryNames('it-repo-policy-missing') }
        assert false : 'it-repo-policy-missing was created'
    } catch (RepositoryNotFoundException expected) {
    }
    try {
        ecr.getRepositoryPolicy { it.repositoryName('it-repo-policy-bad') }
        assert false : 'it-repo-policy-bad got a policy'
    } catch (RepositoryPolicyNotFoundException expected) {
    }
} finally {
    ecr.close()
}
true
