package dev.ecrplugin.aws;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

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

    /**
     * The profile whose settings apply: {@code <profile>}, else the one {@code aws.profile}/{@code AWS_PROFILE}
     * names, else {@code default}.
     */
    static String nameInUse(AwsSettings settings) {
        return settings.profile() != null ? settings.profile()
                : ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default");
    }

    /** Profile {@code name} of the files, if they can be read and hold it. */
    static Optional<Profile> profile(Supplier<ProfileFile> profileFile, String name) {
        ProfileFile file = read(profileFile);
        return file == null ? Optional.empty() : file.profile(name);
    }
}
