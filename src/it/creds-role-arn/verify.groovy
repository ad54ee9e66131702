import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.LocalStack
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.ecr.EcrClient

try {
    def log = new File(basedir, 'build.log').text
    ['deployer', 'chain'].eachWithIndex { profile, i ->
        assert log.contains("[INFO] AWS credentials from profile '${profile}', region us-east-1 from ")
        assert log.contains("[INFO] Created repository it-creds-role-${i + 1}")
    }
    assert !log.contains('[ERROR]')
    assert !log.contains('amazonaws.com') : 'an STS call went to AWS instead of <endpoint>'
    // the control: the base user's own keys may not create a repository (only the roles may)
    def keys = new File(basedir, 'base.keys').text.trim().split(' ')
    def ecr = EcrClient.builder().endpointOverride(URI.create(LocalStack.endpoint())).region(Region.US_EAST_1)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keys[0], keys[1]))).build()
    try {
        ecr.createRepository { it.repositoryName('it-creds-role-denied') }
        assert false : 'the base user created a repository'
    } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        assert e.statusCode() == 403 : e.toString()
    } finally {
        ecr.close()
    }
} finally {
    LocalStack.enforceIam(false)
}
['it-creds-role-1', 'it-creds-role-2'].each { assert EcrFixtures.repositoryExists(it) }
true
