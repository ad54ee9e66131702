import dev.ecrplugin.testing.EcrFixtures
import dev.ecrplugin.testing.FaultProxy
import dev.ecrplugin.testing.ItLog

def seen = FaultProxy.log()
def expected = [
    "<lifecyclePolicyFile> 'duplicate-priority.json' rules 1 and 2 both have \"rulePriority\": 1: give each rule a rulePriority of its own",
    "<lifecyclePolicyFile> 'tagged-without-tags.json' rule 2 (rulePriority 5) selection has \"tagStatus\": \"tagged\" but neither \"tagPatternList\" nor \"tagPrefixList\": add the tags it selects, e.g. \"tagPatternList\": [\"prod*\"] (wildcards) or \"tagPrefixList\": [\"prod\"] (prefixes)",
    "<lifecyclePolicyFile> 'any-not-last.json' rule 1 (rulePriority 1) has \"tagStatus\": \"any\" but rule 2 (rulePriority 2) has a higher rulePriority: ECR applies the \"any\" rule last, so give it the highest rulePriority (more than 2)",
    "<lifecyclePolicyFile> 'age-without-unit.json' has 2 problems: rule 1 (rulePriority 1) selection has \"countType\": \"sinceImagePushed\" but no \"countUnit\": add \"countUnit\": \"days\" (countNumber is then a number of days); rule 1 (rulePriority 1) selection has \"countNumber\": 0: use a positive integer (1 or more; 0 is not accepted)",
    "<lifecyclePolicyFile> and <lifecyclePolicyDocument> are both set: give the lifecycle policy either as a file (<lifecyclePolicyFile> or -Decr.lifecyclePolicyFile) or inline (<lifecyclePolicyDocument>), not both",
]
assert ItLog.of(basedir).failures() == expected.collect { ItLog.errorLine('create-repository', 'lifecycle-policy-bad-input', it) }

// before any call: not one request reached the stack's AWS endpoint, and the repository was never created
assert seen == [] : seen
assert !EcrFixtures.repositoryExists('it-lifecycle-bad')
true
