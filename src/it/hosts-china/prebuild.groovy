import dev.ecrplugin.testing.HostForms

// it-hosts/china-pull:2.0 pushed to the host with the docker CLI, then gone; it-hosts/china:1.0 imported under its URI
HostForms.prepareUriForm(basedir, '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', 'cn-north-1', 'china')
true
