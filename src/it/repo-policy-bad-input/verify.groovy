import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog

def expected = [
    "Repository it-repo-policy-missing does not exist: create it first with ecr:create-repository (bind it before ecr:set-repository-policy), or fix <repositoryName>/-Decr.repositoryName",
    "<repositoryPolicyFile> 'no-principal.json' statement 1 has no \"Principal\": a repository policy says who may act, e.g. \"Principal\": {\"AWS\": \"arn:aws:iam::\${aws.accountId}:user/usr1\"}",
    "<repositoryPolicyFile> and <repositoryPolicyDocument> are both set: give the repository policy either as a file (<repositoryPolicyFile> or -Decr.repositoryPolicyFile) or inline (<repositoryPolicyDocument>), not both",
    "<repositoryName> 'It_Repo' is not a valid ECR repository name: use 2 to 256 lowercase letters, digits and . _ - /, starting and ending with a letter or digit",
]
assert ItLog.of(basedir).failures() == expected.collect { ItLog.errorLine('set-repository-policy', 'repo-policy-bad-input', it) }

assert !EcrFixtures.repositoryExists('it-repo-policy-missing') : 'it-repo-policy-missing was created'
assert !EcrFixtures.hasRepositoryPolicy('it-repo-policy-bad') : 'it-repo-policy-bad got a policy'
true
