package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.testing.NeedsStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SDK never picks an HTTP client of its own in the plugin's paths: every credential route (role_arn, a chain,
 * credential_source, web identity, SSO legacy and sso_session with refresh, {@code <roleArn>} on top) and the
 * service clients, driven in a fresh JVM whose SDK default HTTP implementation counts its uses (the SDK caches
 * that choice per JVM, hence the JVM of its own). The control, a client built without one, is counted.
 */
@NeedsStack
class SdkOwnClientsTest {

    @Test
    @Timeout(120)
    void everyClientOfThePluginBringsItsOwnHttpClient() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(),
                "-Dsoftware.amazon.awssdk.http.service.impl=" + RecordingHttpService.class.getName(),
                "-cp", System.getProperty("java.class.path"), SdkOwnClientsProbe.class.getName())
                .redirectErrorStream(true).start();
        probe.getOutputStream().close();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, probe.exitValue(), output);
        List<String> counts = output.lines().filter(l -> l.startsWith("ROUTES ") || l.startsWith("CONTROL ")).toList();
        assertEquals(List.of("ROUTES 0", "CONTROL 1"), counts, output);
    }
}
