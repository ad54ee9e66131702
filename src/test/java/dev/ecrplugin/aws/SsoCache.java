package dev.ecrplugin.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import software.amazon.awssdk.services.sso.internal.SsoTokenFileUtils;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

/** Writes an entry of the SDK's SSO token cache ({@code ~/.aws/sso/cache}), named as the SDK finds it. */
final class SsoCache {

    private SsoCache() {}

    /** {@code key}: the start URL (legacy profile) or the sso_session name. The caller deletes the file. */
    static Path write(String key, String json) throws IOException {
        Path dir = Paths.get(UserHomeDirectoryUtils.userHomeDirectory(), ".aws", "sso", "cache");
        Files.createDirectories(dir);
        Path file = SsoTokenFileUtils.generateCachedTokenPath(key, dir.toString());
        return Files.writeString(file, json);
    }
}
