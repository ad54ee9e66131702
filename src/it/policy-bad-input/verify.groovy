import dev.ecrplugin.testing.IamFixtures
import dev.ecrplugin.testing.ItLog

def missing = new File(basedir, 'missing.json').canonicalPath
def expected = [
    "<policyFile> 'bad-json.json' is not valid JSON at line 4, column 80: Unexpected character ('}' (code 125)): was expecting double-quote to start field name. Fix the JSON syntax there",
    "<policyFile> 'bad-version.json' has \"Version\": \"2012-10-18\", which AWS does not accept: write \"Version\": \"2012-10-17\" (or the older \"2008-10-17\")",
    "<policyFile> 'no-effect.json' statement 1 (\"auth\") has no \"Effect\": add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"",
    "<policyFile> 'unknown-action.json' statement 1 has the unknown action \"ecr:GetAuthorisationToken\": did you mean ecr:GetAuthorizationToken?",
    "<policyFile> and <policyDocument> are both set: give the IAM policy either as a file (<policyFile> or -Decr.policyFile) or inline (<policyDocument>), not both",
    "<policyFile> 'missing.json' does not exist (looked for ${missing}): fix the path in <policyFile> (relative to the project directory) or create the file",
    "<policyName> 'bad/name' is not a valid IAM policy name: use 1 to 128 letters, digits and + = , . @ _ - (no spaces or slashes)",
    "No IAM policy document: set <policyFile> (a JSON file, relative to the project directory; -Decr.policyFile) or <policyDocument> (the JSON inline; -Decr.policyDocument)",
]
assert ItLog.of(basedir).failures() == expected.collect { ItLog.errorLine('create-policy', 'policy-bad-input', it) }

for (name in ['it-policy-bad', 'bad', 'name']) {
    assert !IamFixtures.policyExists(name)
}
true
