package dev.ecrplugin.aws;

import java.util.Objects;

/**
 * Access keys given to the plugin directly (today: a settings.xml {@code <server>}, already decrypted by the Maven
 * layer). {@link #toString()} never shows the secrets.
 *
 * @param source       where they came from, for the log line, e.g. {@code settings.xml server 'aws-ci'}
 * @param accessKeyId  the access key id
 * @param secretKey    the secret access key
 * @param sessionToken the session token of temporary credentials, or null
 */
public record StaticCredentials(String source, String accessKeyId, String secretKey, String sessionToken) {

    public StaticCredentials {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
        sessionToken = sessionToken == null || sessionToken.isBlank() ? null : sessionToken.trim();
    }

    @Override
    public String toString() {
        return "StaticCredentials[" + source + (sessionToken == null ? "" : ", with session token") + "]";
    }
}
