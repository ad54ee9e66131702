def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG] ') : 'the build ran with -X'
assert log.contains("[INFO] AWS credentials from settings.xml server 'aws-session', region us-east-1 from <region>/-Decr.region")
assert log.contains('[INFO] Created repository it-creds-session-token')
assert !log.contains('IQoJb3JpZ2luX2VjEItSessionTokenSecret') : 'the session token is in the log'
assert !log.contains('it-session-secret-key') : 'the secret key is in the log'
true
