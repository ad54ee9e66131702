import dev.ecrplugin.testing.DockerImages
import dev.ecrplugin.testing.ItLog
import dev.ecrplugin.testing.LocalStack

def log = ItLog.of(basedir)
def token = ('AWS:' + DockerImages.PASSWORD).bytes.encodeBase64().toString()
// the debug log is on, and shows the docker command line without the password
assert log.contains('[INFO] AWS credentials from environment variables (default credentials chain), region us-east-1 from <region>/-Decr.region')
assert log.contains("[DEBUG] Running docker login --username AWS --password-stdin ${LocalStack.registry()}")
assert log.contains("[INFO] Pushed ${LocalStack.registry()}/it-secret:1.0")
assert !log.contains(DockerImages.PASSWORD)
assert !log.contains(token)
true
