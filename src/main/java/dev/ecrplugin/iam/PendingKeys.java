package dev.ecrplugin.iam;

import dev.ecrplugin.core.OperationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CreateAccessKey calls whose outcome is not known yet, one line per profile in a sibling file of the
 * credentials file ({@code credentials.pending}, mode 0600; written as {@code credentials.pending~} and
 * moved into place): the profile, the IAM user, the ids of the user's keys before the call, the time of the mark
 * (taken just before the call is sent) and the call's timeout, which together bound when IAM can have made the key
 * (its CreateDate). Lines of the earlier format (no time: three fields) are read with {@code markedAt} and
 * {@code callTimeout} null. Written before the call and removed once the outcome is settled (the key stored,
 * or a key the call made without an answer deleted again), so that a run that ended in between (a crash, a
 * network that stayed down) leaves the next run what it needs to delete a key nobody holds. Holds key ids only,
 * never a secret. Callers hold the credentials file's lock.
 */
final class PendingKeys {

    /**
     * A CreateAccessKey for {@code userName} into {@code profile}, made while the user had {@code keysBefore}, sent
     * just after {@code markedAt} with {@code callTimeout} for the whole call; both null for a note of the earlier
     * format, which did not record them.
     */
    record Pending(String profile, String userName, Set<String> keysBefore, Instant markedAt,
            Duration callTimeout) {}

    private final Path file;

    PendingKeys(Path credentials) {
        Path absolute = credentials.toAbsolutePath();
        this.file = absolute.resolveSibling(absolute.getFileName() + ".pending");
    }

    Path path() {
        return file;
    }

    Optional<Pending> find(String profile) {
        return readAll().stream().filter(p -> p.profile().equals(profile)).findFirst();
    }

    void mark(String profile, String userName, Set<String> keysBefore, Instant markedAt, Duration callTimeout) {
        List<Pending> all = without(profile);
        all.add(new Pending(profile, userName, new TreeSet<>(keysBefore), markedAt, callTimeout));
        writeAll(all);
    }

    void clear(String profile) {
        if (find(profile).isPresent()) {
            writeAll(without(profile));
        }
    }

    private List<Pending> without(String profile) {
        List<Pending> all = new ArrayList<>(readAll());
        all.removeIf(p -> p.profile().equals(profile));
        return all;
    }

    private List<Pending> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Pending> all = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 3 || fields.length == 5) {
                    Set<String> keys = new TreeSet<>(Arrays.asList(fields[2].split(",")));
                    keys.remove("");
                    Instant markedAt = null;
                    Duration callTimeout = null;
                    if (fields.length == 5) {
                        try {
                            markedAt = Instant.parse(fields[3]);
                            callTimeout = Duration.parse(fields[4]);
                        } catch (DateTimeParseException e) {
                            markedAt = null; // unreadable: as a note without a time, nothing is deleted on it
                            callTimeout = null;
                        }
                    }
                    all.add(new Pending(fields[0], fields[1], keys, markedAt, callTimeout));
                }
            }
            return all;
        } catch (IOException e) {
            throw new OperationFailedException("Cannot read " + file + ", where create-user notes access keys being "
                    + "made: " + e, e);
        }
    }

    private void writeAll(List<Pending> all) {
        try {
            if (all.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            StringBuilder text = new StringBuilder();
            for (Pending p : all) {
                text.append(p.profile()).append('\t').append(p.userName()).append('\t')
                        .append(String.join(",", p.keysBefore()));
                if (p.markedAt() != null && p.callTimeout() != null) {
                    text.append('\t').append(p.markedAt()).append('\t').append(p.callTimeout());
                }
                text.append('\n');
            }
            Path temporary = file.resolveSibling(file.getFileName() + "~");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OperationFailedException("Cannot write " + file + ", where create-user notes access keys "
                    + "being made: " + e + ". Make the directory of the credentials file writable", e);
        }
    }
}
