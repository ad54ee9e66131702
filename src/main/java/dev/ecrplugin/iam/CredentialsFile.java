package dev.ecrplugin.iam;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * The AWS shared credentials file (an ini file: {@code [profile]} sections of {@code key = value} lines), read and
 * edited one profile at a time. Everything outside the edited profile's section stays byte for byte as it was
 * (the text is handled as ISO-8859-1, so any byte survives a round trip); the file is replaced atomically by a
 * temporary file in the same directory that is created with mode 0600, so the secret is never readable by others,
 * not even for a moment. Edits are serialised by {@link #lock()}: an exclusive lock on a sibling file
 * ({@code credentials.lock}, mode 0600) that other processes (another {@code mvn}, or this plugin in another
 * build) honour too, so that parallel runs never lose each other's profiles.
 */
public final class CredentialsFile {

    static final String KEY_ID = "aws_access_key_id";
    static final String SECRET = "aws_secret_access_key";
    static final String SESSION_TOKEN = "aws_session_token";

    /** Profile names the AWS SDKs accept. */
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@:+]{1,128}");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*([^\\]]*?)\\s*\\]\\s*([#;].*)?$");
    private static final Pattern PROPERTY = Pattern.compile("^\\s*([^=\\s#;\\[][^=]*?)\\s*=\\s*(.*?)\\s*$");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    /** How long to wait before asking again for a lock that another CredentialsFile of this JVM holds. */
    private static final long LOCK_RETRY_MILLIS = 20;

    private final Path path;
    /** Held by the thread that holds {@link #fileLock}; reentrant, so that a locked caller may {@link #store}. */
    private final ReentrantLock threadLock = new ReentrantLock();
    /** The lock on the sibling lock file while a thread holds {@link #threadLock}; guarded by it. */
    private FileLock fileLock;

    public CredentialsFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    /** The file the AWS SDK reads: {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}. */
    public static CredentialsFile sdkDefault() {
        return new CredentialsFile(ProfileFileLocation.credentialsFilePath());
    }

    public Path path() {
        return path;
    }

    /** Checks a profile name against what the AWS SDKs accept; {@code parameter} names the POM element. */
    public static void checkProfileName(String profile, String parameter) {
        if (profile == null || !PROFILE_NAME.matcher(profile).matches()) {
            throw new InvalidInputException("<" + parameter + "> '" + profile + "' is not a valid AWS profile name: "
                    + "use 1 to 128 letters, digits and _ - / . % @ : +");
        }
    }

    /** The access key id the profile holds, or empty when the file, the profile or its key id is absent. */
    public Optional<String> accessKeyId(String profile) {
        List<String> lines = lines(read());
        int[] section = section(lines, profile);
        if (section == null) {
            return Optional.empty();
        }
        for (int i = section[0] + 1; i < section[1]; i++) {
            Matcher m = PROPERTY.matcher(strip(lines.get(i)));
            if (m.matches() && m.group(1).toLowerCase(Locale.ROOT).equals(KEY_ID) && !m.group(2).isEmpty()) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }

    /**
     * The access key ids that any profile of the file holds (every {@code aws_access_key_id} line, in whichever
     * section); empty when the file is absent.
     */
    public Set<String> accessKeyIds() {
        Set<String> ids = new TreeSet<>();
        for (String line : lines(read())) {
            Matcher m = PROPERTY.matcher(strip(line));
            if (m.matches() && m.group(1).toLowerCase(Locale.ROOT).equals(KEY_ID) && !m.group(2).isEmpty()) {
                ids.add(m.group(2));
            }
        }
        return ids;
    }

    /**
     * Locks the file against edits by other threads and processes until the returned lock is closed (by the same
     * thread). Reentrant: {@link #store} inside it does not wait for itself. Creates the file's directory (mode 0700)
     * and the lock file when missing; waits as long as another holder keeps the lock.
     */
    public Lock lock() {
        threadLock.lock();
        try {
            if (threadLock.getHoldCount() == 1) {
                fileLock = acquireFileLock();
            }
        } catch (RuntimeException | Error e) {
            threadLock.unlock();
            throw e;
        }
        return new Lock();
    }

    /** A held {@link #lock()}; closing it releases it. */
    public final class Lock implements AutoCloseable {

        private boolean open = true;

        private Lock() {}

        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            try {
                if (threadLock.getHoldCount() == 1 && fileLock != null) {
                    try {
                        fileLock.channel().close(); // releases the lock
                    } catch (IOException e) {
                        // the lock goes with the channel in any case
                    } finally {
                        fileLock = null;
                    }
                }
            } finally {
                threadLock.unlock();
            }
        }
    }

    private FileLock acquireFileLock() {
        Path lockFile = null;
        try {
            Path target = target();
            Path dir = directory(target.getParent());
            lockFile = dir.resolve(target.getFileName() + ".lock");
            FileChannel channel = posix()
                    ? FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(FILE_MODE))
                    : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                while (true) {
                    try {
                        return channel.lock();
                    } catch (OverlappingFileLockException e) {
                        // another CredentialsFile of this JVM (another Maven session) holds it: ask again shortly
                        Thread.sleep(LOCK_RETRY_MILLIS);
                    }
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("Interrupted while waiting for the lock " + lockFile + " of the AWS "
                    + "credentials file " + path, e);
        } catch (IOException e) {
            throw new OperationFailedException("Cannot lock the AWS credentials file " + path + " (lock file "
                    + (lockFile == null ? "next to it" : lockFile) + "): " + e + ". Make its directory writable, or "
                    + "point AWS_SHARED_CREDENTIALS_FILE at another file", e);
        }
    }

    /**
     * Makes the profile hold this access key: replaces the key id and secret in its section (dropping a session
     * token, which belongs to other keys), or appends a section when there is none. Other lines stay as they are.
     * Holds {@link #lock()} from reading the file to replacing it.
     */
    public void store(String profile, String accessKeyId, String secretAccessKey) {
        try (Lock lock = lock()) {
            write(edit(read(), profile, accessKeyId, secretAccessKey));
        }
    }

    private static String edit(String text, String profile, String accessKeyId, String secretAccessKey) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = lines(text);
        int[] section = section(lines, profile);
        StringBuilder out = new StringBuilder(text.length() + 128);
        if (section == null) {
            out.append(text);
            if (!text.isEmpty()) {
                if (!text.endsWith("\n")) {
                    out.append(eol);
                }
                if (!text.endsWith("\n\n") && !text.endsWith("\r\n\r\n")) {
                    out.append(eol);
                }
            }
            out.append('[').append(profile).append(']').append(eol);
            out.append(KEY_ID).append(" = ").append(accessKeyId).append(eol);
            out.append(SECRET).append(" = ").append(secretAccessKey).append(eol);
        } else {
            boolean keyIdSet = false;
            boolean secretSet = false;
            int lastProperty = 0;
            List<String> edited = new ArrayList<>(lines.subList(section[0], section[1]));
            for (int i = 1; i < edited.size(); i++) {
                String line = edited.get(i);
                Matcher m = PROPERTY.matcher(strip(line));
                if (!m.matches()) {
                    continue;
                }
                String key = m.group(1).toLowerCase(Locale.ROOT);
                String ending = line.substring(strip(line).length());
                if (key.equals(KEY_ID)) {
                    edited.set(i, keyIdSet ? null : KEY_ID + " = " + accessKeyId + ending);
                    keyIdSet = true;
                } else if (key.equals(SECRET)) {
                    edited.set(i, secretSet ? null : SECRET + " = " + secretAccessKey + ending);
                    secretSet = true;
                } else if (key.equals(SESSION_TOKEN)) {
                    edited.set(i, null);
                }
                if (edited.get(i) != null) {
                    lastProperty = i;
                }
            }
            if (!keyIdSet || !secretSet) {
                StringBuilder added = new StringBuilder();
                if (!keyIdSet) {
                    added.append(KEY_ID).append(" = ").append(accessKeyId).append(eol);
                }
                if (!secretSet) {
                    added.append(SECRET).append(" = ").append(secretAccessKey).append(eol);
                }
                int at = lastProperty;
                String after = edited.get(at);
                if (!after.endsWith("\n")) { // the section ends the file without a line break
                    edited.set(at, after + eol);
                }
                edited.set(at, edited.get(at) + added);
            }
            for (int i = 0; i < section[0]; i++) {
                out.append(lines.get(i));
            }
            edited.stream().filter(l -> l != null).forEach(out::append);
            for (int i = section[1]; i < lines.size(); i++) {
                out.append(lines.get(i));
            }
        }
        return out.toString();
    }

    /** The file's text; empty when it does not exist. */
    private String read() {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the AWS credentials file " + path + ": " + e
                    + ". Make it readable, or point AWS_SHARED_CREDENTIALS_FILE at another file", e);
        }
    }

    /** The file to replace: the path, or what it points to when it is a symbolic link (the link is kept). */
    private Path target() throws IOException {
        return Files.isSymbolicLink(path) ? path.toRealPath() : path;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The directory, created with mode 0700 when missing. */
    private static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (posix()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } else {
                Files.createDirectories(dir);
            }
        }
        return dir;
    }

    private void write(String text) {
        try {
            Path target = target();
            Path dir = directory(target.getParent());
            FileAttribute<?>[] mode = posix()
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                    : new FileAttribute<?>[0];
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", mode);
            try {
                try (OutputStream os = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    os.write(text.getBytes(StandardCharsets.ISO_8859_1));
                }
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new OperationFailedException("Cannot write the AWS credentials file " + path + ": " + e
                    + ". Make its directory writable, or point AWS_SHARED_CREDENTIALS_FILE at another file", e);
        }
    }

    /** Lines with their line breaks, so that joining them gives the text back exactly. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The line without its line break. */
    private static String strip(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    /** [header line, first line after the section) of the profile's first section, or null. */
    private static int[] section(List<String> lines, String profile) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SECTION.matcher(strip(lines.get(i)));
            if (m.matches() && m.group(1).equals(profile)) {
                int end = i + 1;
                while (end < lines.size() && !SECTION.matcher(strip(lines.get(end))).matches()) {
                    end++;
                }
                return new int[] {i, end};
            }
        }
        return null;
    }
}
