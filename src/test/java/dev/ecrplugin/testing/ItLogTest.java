package dev.ecrplugin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItLogTest {

    @TempDir
    Path dir;

    @Test
    void theVersionComesFromThePluginDescriptor() {
        assertTrue(ItLog.pluginVersion().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), ItLog.pluginVersion());
        assertEquals("[ERROR] Failed to execute goal dev.ecrplugin:ecr-maven-plugin:" + ItLog.pluginVersion()
                + ":push (default-cli) on project p: bad -> [Help 1]", ItLog.errorLine("push", "p", "bad"));
        assertEquals("[INFO] --- ecr:" + ItLog.pluginVersion() + ":login (ecr-login) @ p ---",
                ItLog.executionLine("login", "ecr-login", "p"));
    }

    @Test
    void assertFailedWantsTheExactLine() throws IOException {
        Files.writeString(dir.resolve("build.log"), "[INFO] pushed it\n" + ItLog.errorLine("push", "p", "bad") + "\n"
                + "[ERROR] Failed to execute goal other\n");
        ItLog log = ItLog.of(dir.toFile());
        log.assertFailed("push", "p", "bad");
        AssertionError e = assertThrows(AssertionError.class, () -> log.assertFailed("push", "p", "ba"));
        assertTrue(e.getMessage().contains("[ERROR] Failed to execute goal other"), e.getMessage());
        assertEquals(List.of(ItLog.errorLine("push", "p", "bad"), "[ERROR] Failed to execute goal other"),
                log.failures());
        assertEquals(List.of("[INFO] pushed it"), log.mentioning("pushed"));
        assertEquals(1, log.count("Failed to execute goal other"));
    }
}
