def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] AWS credentials from profile 'dev-sso', region us-east-1 from <region>/-Decr.region")
assert log.contains('[INFO] Created repository it-creds-sso')
// the portal answered only a request that bore the cached token
assert new File(basedir, 'portal/accepted').text.trim() as int >= 1
assert !log.contains('it-sso-access-token') && !log.contains('it-sso-secret')
true
