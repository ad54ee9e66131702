package dev.ecrplugin.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files of secrets for tests and IT scripts: owner-only, never seen empty or half written. */
public final class SecretFiles {

    private SecretFiles() {}

    /**
     * Writes {@code text} to {@code file}, mode 0600: to a temporary file beside it first, then moved into place at
     * once (the stack's registry listener reads its credentials at any time).
     */
    public static void writeOwnerOnly(File file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getAbsoluteFile().getParentFile().toPath(), "." + file.getName() + ".",
                ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, text);
        Files.move(temp, file.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
