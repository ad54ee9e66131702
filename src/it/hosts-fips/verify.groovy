import dev.ecrplugin.testing.HostForms

// one login to the URI's host, the repository in its region, push and pull by full URI on that host (docker's output
// and the registry's events), the push recorded in ECR in us-east-1
HostForms.verifyUriForm(basedir, '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com', 'us-east-1', 'fips',
        '[INFO] Logged in to 123456789012.dkr.ecr-fips.us-east-1.amazonaws.com (ECR registry 123456789012)',
        'arn:aws:ecr:us-east-1:123456789012:repository/it-hosts/fips')
true
