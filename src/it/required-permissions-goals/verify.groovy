import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] create-policy (execution skipped) is skipped: it needs nothing')
assert !log.contains('nobody') && !log.contains('create-user (')
assert log.contains('[INFO] create-repository (execution repository): ecr:CreateRepository, ecr:DescribeRepositories, '
        + 'ecr:ListTagsForResource, ecr:TagResource')
assert log.contains('[INFO] login (-Decr.goals): ecr:GetAuthorizationToken')
// -Decr.createRepository reaches push as it would on the command line
assert log.contains('[INFO] push (-Decr.goals): ecr:BatchCheckLayerAvailability, ecr:BatchGetImage, '
        + 'ecr:CompleteLayerUpload, ecr:CreateRepository, ecr:DescribeRepositories, ecr:GetAuthorizationToken, '
        + 'ecr:InitiateLayerUpload, ecr:PutImage, ecr:UploadLayerPart')
assert log.contains('[INFO] IAM policy for 3 goals (written to ')
assert !log.contains('AWS credentials from') : 'no AWS client was needed'
assert log.contains("[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:required-permissions "
        + "(default-cli) on project required-permissions-goals: -Decr.goals names 'tga', which is no goal of this plugin "
        + "that calls AWS: name some of create-policy, create-user, create-repository, set-repository-policy, login, "
        + "push, pull")

def policy = new JsonSlurper().parse(new File(basedir, 'target/ecr/required-permissions.json'))
def on = { String arn -> policy.Statement.findAll { (it.Resource instanceof List ? it.Resource : [it.Resource]).contains(arn) }
        .collectMany { it.Action }.sort() }
assert on('*') == ['ecr:GetAuthorizationToken']
assert on('arn:aws:ecr:eu-west-1:210987654321:repository/team/app') == ['ecr:CreateRepository',
        'ecr:DescribeRepositories', 'ecr:ListTagsForResource', 'ecr:TagResource']
assert on('arn:aws:ecr:us-east-1:210987654321:repository/team/app').containsAll(['ecr:PutImage', 'ecr:BatchGetImage'])
true
