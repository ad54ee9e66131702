package dev.ecrplugin.aws;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/** Reads the shared AWS config and credentials files (or the ones given instead) for a profile's settings. */
final class ProfileFiles {

    private ProfileFiles() {}

    /**
     * The files {@code profileFile} gives, or the shared ones the SDK finds itself when it is null; null if they
     * cannot be read (the credentials say so, at their own time).
     */
    static ProfileFile read(Supplier<ProfileFile> profileFile) {
        try {
            return profileFile == null ? ProfileFile.defaultProfileFile() : profileFile.get();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Profile {@code name} of the files, if they can be read and hold it. */
    static Optional<Profile> profile(Supplier<ProfileFile> profileFile, String name) {
        ProfileFile file = read(profileFile);
        return file == null ? Optional.empty() : file.profile(name);
    }
}
