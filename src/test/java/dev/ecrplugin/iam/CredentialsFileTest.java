package dev.ecrplugin.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecrplugin.core.InvalidInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing one profile of an AWS credentials file, without Maven, in temporary directories. */
class CredentialsFileTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("credentials");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void anAbsentFileIsCreatedWithMode0600() throws IOException {
        Path file = dir.resolve("credentials");
        CredentialsFile credentials = new CredentialsFile(file);
        assertEquals(Optional.empty(), credentials.accessKeyId("usr1"));

        credentials.store("usr1", "AKIAEXAMPLE1", "secret1");

        assertEquals("[usr1]\naws_access_key_id = AKIAEXAMPLE1\naws_secret_access_key = secret1\n", read(file));
        assertEquals("rw-------", mode(file));
        assertEquals(Optional.of("AKIAEXAMPLE1"), credentials.accessKeyId("usr1"));
    }

    @Test
    void anAbsentParentDirectoryIsCreatedWithMode0700() throws IOException {
        Path file = dir.resolve("home/.aws/credentials");
        new CredentialsFile(file).store("usr1", "AKIAEXAMPLE1", "secret1");

        assertEquals("rwx------", mode(dir.resolve("home/.aws")));
        assertEquals("rwx------", mode(dir.resolve("home")));
        assertEquals("rw-------", mode(file));
        assertTrue(read(file).startsWith("[usr1]\n"));
    }

    @Test
    void aMissingProfileIsAppendedAndEveryOtherByteKept() throws IOException {
        String before = "# my keys\n[default]\naws_access_key_id = AKIADEFAULT\n"
                + "aws_secret_access_key = s3cr3t ; odd but kept\n\n; another comment \u00e9\u00ff\n"
                + "[other]\nregion=eu-west-1\n";
        Path file = write(before);

        new CredentialsFile(file).store("usr1", "AKIANEW", "newsecret");

        assertEquals(before + "\n[usr1]\naws_access_key_id = AKIANEW\naws_secret_access_key = newsecret\n",
                read(file));
    }

    @Test
    void aFileWithoutFinalLineBreakGetsOneBeforeTheNewSection() throws IOException {
        Path file = write("[default]\nregion = us-east-1");
        new CredentialsFile(file).store("usr1", "AKIANEW", "newsecret");
        assertEquals("[default]\nregion = us-east-1\n\n[usr1]\naws_access_key_id = AKIANEW\n"
                + "aws_secret_access_key = newsecret\n", read(file));
    }

    @Test
    void anExistingSectionHasItsKeysReplacedInPlaceAndTheRestKept() throws IOException {
        String head = "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = d\n\n";
        String tail = "\n# about the next one\n[other]\naws_access_key_id=AKIAOTHER\naws_secret_access_key=o\n";
        Path file = write(head + "[ usr1 ] # mine\nregion = eu-west-1\nAWS_ACCESS_KEY_ID=AKIAOLD\n"
                + "aws_session_token = stale\n  aws_secret_access_key   =   old  \noutput = json\n" + tail);
        CredentialsFile credentials = new CredentialsFile(file);
        assertEquals(Optional.of("AKIAOLD"), credentials.accessKeyId("usr1"), "key names are case-insensitive");

        credentials.store("usr1", "AKIANEW", "newsecret");

        assertEquals(head + "[ usr1 ] # mine\nregion = eu-west-1\naws_access_key_id = AKIANEW\n"
                + "aws_secret_access_key = newsecret\noutput = json\n" + tail, read(file));
        assertEquals(Optional.of("AKIANEW"), credentials.accessKeyId("usr1"));
        assertEquals(Optional.of("AKIAOTHER"), credentials.accessKeyId("other"));
        assertEquals("rw-------", mode(file));
    }

    @Test
    void aSectionWithoutKeysGetsThemAfterItsLastProperty() throws IOException {
        Path file = write("[usr1]\nregion = eu-west-1\n\n# comment of next\n[next]\nx = 1\n");
        new CredentialsFile(file).store("usr1", "AKIANEW", "s");
        assertEquals("[usr1]\nregion = eu-west-1\naws_access_key_id = AKIANEW\naws_secret_access_key = s\n"
                + "\n# comment of next\n[next]\nx = 1\n", read(file));
    }

    @Test
    void anEmptySectionAtTheEndWithoutLineBreakIsFilled() throws IOException {
        Path file = write("[a]\nx = 1\n[usr1]");
        new CredentialsFile(file).store("usr1", "AKIANEW", "s");
        assertEquals("[a]\nx = 1\n[usr1]\naws_access_key_id = AKIANEW\naws_secret_access_key = s\n", read(file));
    }

    @Test
    void aCrlfFileStaysCrlf() throws IOException {
        String other = "[default]\r\naws_access_key_id = AKIADEFAULT\r\naws_secret_access_key = d\r\n";
        Path file = write(other + "[usr1]\r\naws_access_key_id = AKIAOLD\r\naws_secret_access_key = old\r\n");
        CredentialsFile credentials = new CredentialsFile(file);
        assertEquals(Optional.of("AKIAOLD"), credentials.accessKeyId("usr1"));

        credentials.store("usr1", "AKIANEW", "newsecret");
        assertEquals(other + "[usr1]\r\naws_access_key_id = AKIANEW\r\naws_secret_access_key = newsecret\r\n",
                read(file));

        credentials.store("usr2", "AKIA2", "s2");
        assertTrue(read(file).endsWith("newsecret\r\n\r\n[usr2]\r\naws_access_key_id = AKIA2\r\n"
                + "aws_secret_access_key = s2\r\n"), read(file));
    }

    @Test
    void aProfileIsFoundByExactNameOnly() throws IOException {
        Path file = write("[usr10]\naws_access_key_id = AKIA10\n[profile usr1]\naws_access_key_id = AKIAP\n");
        assertEquals(Optional.empty(), new CredentialsFile(file).accessKeyId("usr1"));
        assertEquals(Optional.of("AKIA10"), new CredentialsFile(file).accessKeyId("usr10"));
    }

    @Test
    void theKeyIdsOfEveryProfileAreListed() throws IOException {
        Path file = write("# keys\n[default]\naws_access_key_id = AKIAONE\n\n[ci]\r\nregion = eu-west-1\r\n"
                + "  AWS_Access_Key_Id=AKIATWO  \r\n[empty]\naws_access_key_id =\n[again]\naws_access_key_id = AKIAONE\n");

        assertEquals(Set.of("AKIAONE", "AKIATWO"), new CredentialsFile(file).accessKeyIds());
        assertEquals(Set.of(), new CredentialsFile(dir.resolve("absent")).accessKeyIds());
    }

    @Test
    void aProfileWithoutKeyIdHoldsNoKey() throws IOException {
        Path file = write("[usr1]\nregion = us-east-1\n");
        assertEquals(Optional.empty(), new CredentialsFile(file).accessKeyId("usr1"));
    }

    @Test
    void aWorldReadableFileBecomes0600AndNoTemporaryFileIsLeft() throws IOException {
        Path file = write("[default]\nx = 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new CredentialsFile(file).store("usr1", "AKIANEW", "s");
        assertEquals("rw-------", mode(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("credentials", "credentials.lock"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "only the credentials file and its (empty) lock file are left");
        }
        assertEquals("rw-------", mode(dir.resolve("credentials.lock")));
        assertEquals(0, Files.size(dir.resolve("credentials.lock")));
    }

    /**
     * Waits until {@code thread} is in the {@code expected} state; fails if it ends first (it did not wait), or
     * if it is not there within 60 s (a deadline against hangs, not a timing assertion).
     */
    private static void awaitState(Thread thread, Thread.State expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Thread.State state = thread.getState();
            if (state == expected) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                fail(what + ": it ended without reaching " + expected);
            }
            if (System.nanoTime() - deadline > 0) {
                fail(what + ": still " + state + " after 60 s, never " + expected);
            }
            Thread.sleep(1);
        }
    }

    /** Joins {@code thread}, failing after 60 s rather than hanging the build. */
    private static void join(Thread thread) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(thread.isAlive(), "the other thread still runs after 60 s");
    }

    @Test
    void anEditWaitsWhileAnotherThreadHoldsTheLock() throws Exception {
        Path file = write("[default]\nx = 1\n");
        CredentialsFile credentials = new CredentialsFile(file);
        Thread other = new Thread(() -> credentials.store("usr2", "AKIATWO", "s2"));
        try (CredentialsFile.Lock lock = credentials.lock()) {
            credentials.store("usr1", "AKIAONE", "s1"); // reentrant: the holder itself may edit
            other.start();
            awaitState(other, Thread.State.WAITING, "the other thread waits for the lock");
            assertEquals(Optional.empty(), credentials.accessKeyId("usr2"));
        }
        join(other);
        assertEquals("[default]\nx = 1\n\n[usr1]\naws_access_key_id = AKIAONE\naws_secret_access_key = s1\n\n"
                + "[usr2]\naws_access_key_id = AKIATWO\naws_secret_access_key = s2\n", read(file),
                "neither edit lost the other's profile");
    }

    @Test
    void anotherInstanceForTheSameFileWaitsToo() throws Exception {
        // another Maven session of this JVM, or another process: only the lock file can make it wait
        Path file = write("[default]\nx = 1\n");
        CredentialsFile credentials = new CredentialsFile(file);
        Thread other = new Thread(() -> new CredentialsFile(file).store("usr2", "AKIATWO", "s2"));
        try (CredentialsFile.Lock lock = credentials.lock()) {
            other.start();
            awaitState(other, Thread.State.TIMED_WAITING, "the other instance waits for the lock");
            credentials.store("usr1", "AKIAONE", "s1");
        }
        join(other);
        assertEquals(Optional.of("AKIAONE"), credentials.accessKeyId("usr1"));
        assertEquals(Optional.of("AKIATWO"), credentials.accessKeyId("usr2"));
    }

    @Test
    void theLockIsReleasedWhenTheOutermostHolderCloses() throws Exception {
        Path file = write("");
        CredentialsFile credentials = new CredentialsFile(file);
        try (CredentialsFile.Lock outer = credentials.lock()) {
            try (CredentialsFile.Lock inner = credentials.lock()) {
                credentials.store("usr1", "AKIAONE", "s1");
            }
            try (FileChannel channel = FileChannel.open(dir.resolve("credentials.lock"), StandardOpenOption.WRITE)) {
                assertThrows(OverlappingFileLockException.class, channel::tryLock, "still held by the outer lock");
            }
        }
        try (FileChannel channel = FileChannel.open(dir.resolve("credentials.lock"), StandardOpenOption.WRITE);
                FileLock free = channel.tryLock()) {
            assertTrue(free != null && free.isValid(), "released");
        }
    }

    @Test
    void aSymbolicLinkIsKeptAndItsTargetReplaced() throws IOException {
        Path target = dir.resolve("real-credentials");
        Files.writeString(target, "[default]\nx = 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("credentials"), target);
        new CredentialsFile(link).store("usr1", "AKIANEW", "s");
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(read(target).contains("[usr1]\naws_access_key_id = AKIANEW\n"));
    }

    @Test
    void anUnreadableFileIsTheUsersToFix() throws IOException {
        Path notAFile = Files.createDirectory(dir.resolve("credentials"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new CredentialsFile(notAFile).accessKeyId("usr1"));
        assertTrue(e.getMessage().startsWith("Cannot read the AWS credentials file " + notAFile), e.getMessage());
    }

    @Test
    void profileNamesFollowTheSdkRules() {
        CredentialsFile.checkProfileName("usr1", "accessKeyProfile");
        CredentialsFile.checkProfileName("team/ci@prod+1", "accessKeyProfile");
        for (String bad : new String[] {"", "a b", "x]y", "a=b", null}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> CredentialsFile.checkProfileName(bad, "accessKeyProfile"));
            assertTrue(e.getMessage().startsWith("<accessKeyProfile> '" + bad + "' is not a valid AWS profile name"));
        }
        assertFalse(CredentialsFile.lines("a\r\nb").isEmpty());
    }
}
