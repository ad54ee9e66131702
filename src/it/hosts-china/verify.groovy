import dev.ecrplugin.testing.HostForms

// one login to the URI's host, the repository in its region, push and pull by full URI on that host (docker's output
// and the registry's events), the push recorded in ECR in cn-north-1
HostForms.verifyUriForm(basedir, '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', 'cn-north-1', 'china',
        '[INFO] Logged in to 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn (ECR registry 123456789012)',
        'arn:aws-cn:ecr:cn-north-1:123456789012:repository/it-hosts/china')
true
