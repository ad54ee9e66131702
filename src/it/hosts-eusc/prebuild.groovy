import dev.ecrplugin.testing.HostForms

// it-hosts/eusc-pull:2.0 pushed to the host with the docker CLI, then gone; it-hosts/eusc:1.0 imported under its URI
HostForms.prepareUriForm(basedir, '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu', 'eusc-de-east-1', 'eusc')
true
