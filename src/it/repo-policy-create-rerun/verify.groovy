import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.ItLog
import groovy.json.JsonSlurper

def arn = 'arn:aws:ecr:us-east-1:123456789012:repository/it-repo-policy'
assert ItLog.of(basedir).mentioning('epository policy it-repo-policy') == ["[INFO] Created repository policy it-repo-policy [${arn}]",
                 "[INFO] Repository policy it-repo-policy already exists, unchanged [${arn}]",
                 "[INFO] [dry run] Would update repository policy it-repo-policy (policy text replaced) [${arn}]",
                 "[INFO] Updated repository policy it-repo-policy (policy text replaced) [${arn}]"]

def policy = new JsonSlurper().parseText(EcrFixtures.repositoryPolicy('it-repo-policy'))
assert policy.Statement[0].Sid == 'pull'
assert policy.Statement[0].Principal.AWS == 'arn:aws:iam::123456789012:user/usr1'
assert policy.Statement[0].Action == ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']
true
