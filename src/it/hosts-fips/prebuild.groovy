import dev.ecrplugin.testing.HostForms

// it-hosts/fips-pull:2.0 pushed to the host with the docker CLI, then gone; it-hosts/fips:1.0 imported under its URI
HostForms.prepareUriForm(basedir, '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com', 'us-east-1', 'fips')
true
