package dev.ecrplugin.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTextTest {

    @TempDir
    Path dir;

    private String error(PolicyKind kind, String file, String inline) {
        return assertThrows(InvalidInputException.class, () -> PolicyText.load(kind, dir, file, inline))
                .getMessage();
    }

    @Test
    void readsAFileRelativeToTheBasedir() throws IOException {
        Files.createDirectories(dir.resolve("aws"));
        Files.writeString(dir.resolve("aws/p.json"), "{}");
        PolicyText text = PolicyText.load(PolicyKind.IDENTITY, dir, "aws/p.json", null);
        assertEquals("{}", text.text());
        assertEquals("<policyFile> 'aws/p.json'", text.origin());
        assertEquals("{}", PolicyText.load(PolicyKind.IDENTITY, Path.of("/nonexistent"),
                dir.resolve("aws/p.json").toString(), "").text());
    }

    @Test
    void takesInlineText() {
        PolicyText text = PolicyText.load(PolicyKind.REPOSITORY, dir, " ", "{\"a\":1}");
        assertEquals("<repositoryPolicyDocument>", text.origin());
        assertEquals("{\"a\":1}", text.text());
    }

    @Test
    void rejectsBothAndNeither() {
        assertEquals("<policyFile> and <policyDocument> are both set: give the IAM policy either as a file "
                + "(<policyFile> or -Decr.policyFile) or inline (<policyDocument>), not both",
                error(PolicyKind.IDENTITY, "p.json", "{}"));
        assertEquals("No repository policy document: set <repositoryPolicyFile> (a JSON file, relative to the "
                + "project directory; -Decr.repositoryPolicyFile) or <repositoryPolicyDocument> (the JSON inline; "
                + "-Decr.repositoryPolicyDocument)", error(PolicyKind.REPOSITORY, null, "  "));
    }

    @Test
    void rejectsMissingFilesAndDirectories() {
        assertEquals("<policyFile> 'nope.json' does not exist (looked for " + dir.resolve("nope.json")
                + "): fix the path in <policyFile> (relative to the project directory) or create the file",
                error(PolicyKind.IDENTITY, "nope.json", null));
        assertEquals("<repositoryPolicyFile> '.' is a directory (" + dir + "): name the JSON file in "
                + "<repositoryPolicyFile>", error(PolicyKind.REPOSITORY, ".", null));
    }

    @Test
    void rejectsUnreadableFiles() throws IOException {
        Files.write(dir.resolve("latin1.json"), new byte[] {'{', (byte) 0xE9, '}'});
        String message = error(PolicyKind.IDENTITY, "latin1.json", null);
        assertTrue(message.startsWith("<policyFile> 'latin1.json' cannot be read (" + dir.resolve("latin1.json")
                + ": MalformedInputException "), message);
        assertTrue(message.endsWith("): check its permissions and encoding (UTF-8)"), message);
    }
}
