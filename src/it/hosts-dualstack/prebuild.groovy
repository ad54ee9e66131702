import dev.ecrplugin.testing.HostForms

// it-hosts/dualstack-pull:2.0 pushed to the host with the docker CLI, then gone; it-hosts/dualstack:1.0 imported under its URI
HostForms.prepareUriForm(basedir, '123456789012.dkr-ecr.eu-west-1.on.aws', 'eu-west-1', 'dualstack')
true
