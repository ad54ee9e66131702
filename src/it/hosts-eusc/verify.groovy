import dev.ecrplugin.testing.HostForms

// one login to the URI's host, the repository in its region, push and pull by full URI on that host (docker's output
// and the registry's events), the push recorded in ECR in eusc-de-east-1
HostForms.verifyUriForm(basedir, '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu', 'eusc-de-east-1', 'eusc',
        '[INFO] Logged in to 123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu (ECR registry 123456789012)',
        'arn:aws-eusc:ecr:eusc-de-east-1:123456789012:repository/it-hosts/eusc')
true
