import dev.ecrplugin.testing.HostForms

// one login to the URI's host, the repository in its region, push and pull by full URI on that host (docker's output
// and the registry's events), the push recorded in ECR in eu-west-1
HostForms.verifyUriForm(basedir, '123456789012.dkr-ecr.eu-west-1.on.aws', 'eu-west-1', 'dualstack',
        '[INFO] Logged in to 123456789012.dkr-ecr.eu-west-1.on.aws (ECR registry 123456789012, token from region eu-west-1)',
        'arn:aws:ecr:eu-west-1:123456789012:repository/it-hosts/dualstack')
true
