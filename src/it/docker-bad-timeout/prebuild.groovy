new File(basedir, 'hanging-docker.sh').setExecutable(true)
true
