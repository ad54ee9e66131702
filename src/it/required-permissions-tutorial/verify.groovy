// The policy ecr:required-permissions printed for this POM, given exactly to a CI user: the whole build runs as that
// user with moto enforcing IAM, from nothing, again on converged state, and on a policy with IAM's five versions,
// with no access warning. Then once for each action of the policy with that action removed: the build fails or
// warns naming it. moto enforces what the plugin's SDK clients send (its wrapper names the repository, user and
// policy ARNs as AWS authorizes them); docker's registry calls go to the Distribution registry, not moto, so the
// docker-side actions are checked by GoalActionsTest's list only. The two calls the build's states cannot reach
// (DeleteAccessKey after a lost CreateAccessKey answer, GetAccessKeyLastUsed for a profile holding a key IAM does
// not list for the user) are sent by GoalActionsRecordingTest's scenarios.
import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def acct = LocalStack.ACCOUNT
def ciUser = new File(basedir, 'ci.user').text.trim()
def file = new File(basedir, 'target/ecr/required-permissions.json')
def policy
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("[INFO] IAM policy for 7 goals (written to ${file.canonicalPath}):\n${file.text.trim()}\n")
    // no warning of the plugin's (the IT's own dependency resolution warns about local.central checksums)
    assert log.readLines().findAll { (it.startsWith('[WARNING]') || it.startsWith('[ERROR]'))
            && !it.contains('local.central') } == []
    policy = new JsonSlurper().parse(file)
} finally {
    LocalStack.enforceIam(false)
}

def repo = "arn:aws:ecr:us-east-1:${acct}:repository/it-rp-repo1".toString()
def statements = policy.Statement.collectEntries { [(it.Resource): it.Action] }
assert statements.keySet() == ['*', repo, "arn:aws:iam::${acct}:policy/it-rp-authOnly".toString(),
                               "arn:aws:iam::${acct}:user/it-rp-usr1".toString()] as Set
assert statements['*'] == ['ecr:GetAuthorizationToken']
def dockerSide = ['ecr:BatchCheckLayerAvailability', 'ecr:CompleteLayerUpload', 'ecr:GetDownloadUrlForLayer',
                  'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart']
assert statements[repo].containsAll(dockerSide)

// ---- the build, as a child Maven of this one (same Maven, the ITs' local repository and settings)
def mvnHome = System.getProperty('maven.home')
def settings = new File(basedir, 'child-settings.xml')
settings.text = new File(basedir, '../../../src/it/settings.xml').text.replace('@localRepositoryUrl@',
        new File(localRepositoryPath.toString()).toURI().toString())
def runs = 0
def build = { String name ->
    runs++
    def out = new File(basedir, "${name}.log")
    def pb = new ProcessBuilder("${mvnHome}/bin/mvn".toString(), '-B', '-s', settings.path,
            "-Dmaven.repo.local=${localRepositoryPath}".toString(),
            "-Decr.endpoint=${System.getenv('ECR_STACK_ENDPOINT')}".toString(), '-Decr.region=us-east-1',
            '-Decr.profile=ci', '-f', new File(basedir, 'pom.xml').path, 'deploy')
    pb.environment().put('AWS_SHARED_CREDENTIALS_FILE', new File(basedir, 'aws-credentials').path)
    pb.redirectErrorStream(true).redirectOutput(out)
    LocalStack.enforceIam(true)
    try {
        def exit = pb.start().waitFor()
        return [exit: exit, lines: out.readLines()]
    } finally {
        LocalStack.enforceIam(false)
    }
}
def give = { Map document ->
    LocalStack.iam().withCloseable { iam ->
        iam.putUserPolicy { it.userName(ciUser).policyName('policy').policyDocument(JsonOutput.toJson(document)) }
    }
}
def without = { String action ->
    [Version: policy.Version, Statement: policy.Statement.collect { s ->
        s + [Action: s.Action.findAll { it != action }] }.findAll { !it.Action.isEmpty() }]
}
def fresh = {
    IamFixtures.deleteUser('it-rp-usr1')
    LocalStack.deletePolicy('it-rp-authOnly')
    EcrFixtures.deleteRepositories('it-rp-repo1')
    new File(basedir, 'aws-credentials').text = new File(basedir, 'ci.profile').text
}
def fiveVersions = { // the policy exists with IAM's five versions, none the declared document
    fresh()
    LocalStack.iam().withCloseable { iam ->
        def arn = iam.createPolicy { it.policyName('it-rp-authOnly').policyDocument(IamFixtures.allowing('ecr:ListImages'))
                .description('Lets a user ask ECR for a docker login token, nothing else') }.policy().arn()
        (2..5).each { n -> iam.createPolicyVersion { it.policyArn(arn).setAsDefault(true)
                .policyDocument(IamFixtures.allowing("ecr:ListImages", "ecr:DescribeImages${n}")) } }
    }
}
// no access warning, no error (the ITs' own dependency resolution warns about local.central checksums, and a docker
// hiccup of the loaded machine is retried with its own line)
def clean = { Map run ->
    def plugin = run.lines.findAll { (it.startsWith('[WARNING]') || it.startsWith('[ERROR]'))
            && !it.contains('local.central') && !it.contains('; trying again in ') }
    assert run.exit == 0 && plugin == [] : "${run.lines.join('\n')}"
}

try {
    give(policy)
    fresh()
    def first = build('full-fresh')
    clean(first)
    ["[INFO] Created IAM policy it-rp-authOnly [arn:aws:iam::${acct}:policy/it-rp-authOnly]",
     "[INFO] Created IAM user it-rp-usr1 (attached it-rp-authOnly) [arn:aws:iam::${acct}:user/it-rp-usr1]",
     "[INFO] Created repository it-rp-repo1 [${repo}]",
     "[INFO] Created repository policy it-rp-repo1 [${repo}]",
     "[INFO] Pushed ${LocalStack.registry()}/it-rp-repo1:1.0 (",
     // the second tag with ECR PutImage (ecr:PutImage as the plugin's own call, not only docker's)
     "[INFO] Tagged ${LocalStack.registry()}/it-rp-repo1:latest ("]*.toString().each { wanted ->
        assert first.lines.any { it.startsWith(wanted) } : wanted
    }
    assert first.lines.any { it.startsWith('[INFO] Pulled ') }
    def again = build('full-converged')
    clean(again)
    assert again.lines.contains("[INFO] IAM user it-rp-usr1 already exists, unchanged [arn:aws:iam::${acct}:user/it-rp-usr1]".toString())
    assert again.lines.any { it.startsWith('[INFO] ECR repository it-rp-repo1 already holds latest as ') }
    fiveVersions()
    def five = build('full-five-versions')
    clean(five)
    assert five.lines.any { it.startsWith('[INFO] Updated IAM policy it-rp-authOnly (new default version v6, deleted the oldest version v1)') }

    // ---- each action removed in turn, in a state where the build needs it
    def notReached = ['iam:DeleteAccessKey', 'iam:GetAccessKeyLastUsed']
    def state = ['iam:CreatePolicy': fresh, 'iam:CreateUser': fresh, 'iam:AttachUserPolicy': fresh,
                 'iam:CreateAccessKey': fresh, 'ecr:CreateRepository': fresh, 'ecr:SetRepositoryPolicy': fresh,
                 'iam:ListPolicyVersions': fiveVersions, 'iam:DeletePolicyVersion': fiveVersions,
                 'iam:CreatePolicyVersion': fiveVersions]
    def actions = policy.Statement.collectMany { it.Action } as List
    def checked = actions - dockerSide - notReached
    assert checked.size() == 18 : checked
    // converged state first (what the five-version build left), then the states each resets
    checked.sort { state.containsKey(it) ? (state[it] == fiveVersions ? 1 : 2) : 0 }.each { action ->
        if (state.containsKey(action)) {
            state[action]()
        }
        give(without(action))
        def run = build("without-${action.replace(':', '-')}")
        def named = run.lines.findAll { (it.startsWith('[ERROR]') || it.startsWith('[WARNING]'))
                && it.contains("not authorized to perform: ${action}") }
        assert !named.isEmpty() : "without ${action}, the build neither failed nor warned naming it:\n${run.lines.join('\n')}"
        println "without ${action}: ${run.exit == 0 ? 'warned' : 'failed'}: ${named[0].take(200)}"
    }
} finally {
    LocalStack.enforceIam(false)
}
println "required-permissions-tutorial: ${runs} builds as the CI user"
true
