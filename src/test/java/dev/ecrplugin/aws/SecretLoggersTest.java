package dev.ecrplugin.aws;

import static dev.ecrplugin.aws.CredsFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.testing.NeedsStack;
import dev.ecrplugin.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
/** {@link SecretLoggers} holds the loggers that print secrets at INFO. */
class SecretLoggersTest {

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> infos = reporter.infos;

    @Test
    void aSecretLoggerMadeEarlierAtDebugIsAWarning() {
        // another plugin of the build made the logger under -X before this plugin could hold it at INFO
        String name = "dev.ecrplugin.test.made.earlier." + UUID.randomUUID().toString().substring(0, 8);
        String key = "org.slf4j.simpleLogger.log." + name;
        System.setProperty(key, "debug");
        org.slf4j.LoggerFactory.getLogger(name);
        System.clearProperty(key);
        String quiet = "dev.ecrplugin.test.made.now." + UUID.randomUUID().toString().substring(0, 8);
        RecordingReporter warnings = new RecordingReporter();
        try {
            SecretLoggers.quiet(List.of(name, quiet), warnings);
        } finally {
            System.clearProperty(key);
            System.clearProperty("org.slf4j.simpleLogger.log." + quiet);
        }
        assertEquals(List.of("The logger " + name + " already prints DEBUG (another plugin of this build made it "
                + "first) and may show secrets under -X: run without -X, or with -D" + key + "=info"), warnings.warnings);
    }

    @Test
    @NeedsStack
    void theSecretLoggersAreOffUnlessTheUserSetTheirLevel() {
        // the signers' canonical requests show the session token; hc5's headers and wire show the proxy's
        // credentials and the bodies (a web identity JWT, a returned secret key)
        assertTrue(SecretLoggers.NAMES.containsAll(List.of(
                "software.amazon.awssdk.http.auth.aws.internal.signer", "software.amazon.awssdk.auth.signer",
                "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire")),
                SecretLoggers.NAMES.toString());
        List<String> keys = SecretLoggers.NAMES.stream().map(l -> "org.slf4j.simpleLogger.log." + l).toList();
        Map<String, String> before = new HashMap<>();
        keys.forEach(k -> before.put(k, System.getProperty(k)));
        String userSet = keys.get(keys.size() - 1);
        try {
            keys.forEach(System::clearProperty);
            System.setProperty(userSet, "debug");
            AwsClients.create(settings().withCredentials(new StaticCredentials("test", "AKIA", "s", "t")), reporter)
                    .close();
            for (String key : keys.subList(0, keys.size() - 1)) {
                assertEquals("info", System.getProperty(key), key);
            }
            assertEquals("debug", System.getProperty(userSet), "a level the user set is kept");
        } finally {
            before.forEach(CredsFixtures::restore);
        }
    }


    private Supplier<ProfileFile> files(String config, String credentials) throws IOException {
        return CredsFixtures.files(dir, config, credentials);
    }
}
