import dev.ecrplugin.testing.LocalStack
import software.amazon.awssdk.services.iam.model.NoSuchEntityException

def log = new File(basedir, 'build.log').text
def prefix = '[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:0.1.0-SNAPSHOT:create-policy (default-cli) on project policy-bad-input: '
def errors = log.readLines().findAll { it.startsWith(prefix) }.collect { it.substring(prefix.length()) }
def missing = new File(basedir, 'missing.json').canonicalPath
def expected = [
    "<policyFile> 'bad-json.json' is not valid JSON at line 4, column 80: Unexpected character ('}' (code 125)): was expecting double-quote to start field name. Fix the JSON syntax there -> [Help 1]",
    "<policyFile> 'bad-version.json' has \"Version\": \"2012-10-18\", which AWS does not accept: write \"Version\": \"2012-10-17\" (or the older \"2008-10-17\") -> [Help 1]",
    "<policyFile> 'no-effect.json' statement 1 (\"auth\") has no \"Effect\": add \"Effect\": \"Allow\" or \"Effect\": \"Deny\" -> [Help 1]",
    "<policyFile> 'unknown-action.json' statement 1 has the unknown action \"ecr:GetAuthorisationToken\": did you mean ecr:GetAuthorizationToken? -> [Help 1]",
    "<policyFile> and <policyDocument> are both set: give the IAM policy either as a file (<policyFile> or -Decr.policyFile) or inline (<policyDocument>), not both -> [Help 1]",
    "<policyFile> 'missing.json' does not exist (looked for ${missing}): fix the path in <policyFile> (relative to the project directory) or create the file -> [Help 1]",
    "<policyName> 'bad/name' is not a valid IAM policy name: use 1 to 128 letters, digits and + = , . @ _ - (no spaces or slashes) -> [Help 1]",
    "No IAM policy document: set <policyFile> (a JSON file, relative to the project directory; -Decr.policyFile) or <policyDocument> (the JSON inline; -Decr.policyDocument) -> [Help 1]",
]
assert errors == expected

def iam = LocalStack.iam()
try {
    for (name in ['it-policy-bad', 'bad', 'name']) {
        try {
            iam.getPolicy { it.policyArn("arn:aws:iam::123456789012:policy/${name}") }
            assert false : "policy ${name} exists"
        } catch (NoSuchEntityException expectedMissing) {
        }
    }
} finally {
    iam.close()
}
true
