package dev.ecrplugin.docker;

import java.util.List;
import java.util.Locale;

/**
 * What went wrong in one docker command, read from its output. {@link #kind()} decides what the plugin does: retry
 * ({@link Kind#transientFailure()}), or say what to fix.
 */
public record DockerFailure(Kind kind, String detail) {

    public enum Kind {
        /** The docker executable cannot be started. */
        EXECUTABLE_NOT_FOUND,
        /** The docker client found no daemon (DOCKER_HOST, socket permissions). */
        DAEMON_UNREACHABLE,
        /** No such local image, or no such image (tag, digest, repository) in the registry. */
        NO_SUCH_IMAGE,
        /** The registry refused the credentials or the action. */
        UNAUTHORIZED,
        /** An immutable repository already holds the tag. */
        IMMUTABLE_TAG,
        /** docker rejected an image reference. */
        INVALID_REFERENCE,
        /** The registry refused the connection. */
        CONNECTION_REFUSED,
        /** A network or server failure worth another try: connection reset, 5xx, timeouts. */
        TRANSIENT,
        /** The plugin's watchdog killed the command. */
        TIMEOUT,
        /** Anything else. */
        OTHER;

        /** Worth trying again after a pause. Authentication failures never are. */
        public boolean transientFailure() {
            return this == TRANSIENT || this == TIMEOUT || this == CONNECTION_REFUSED;
        }
    }

    /** Classifies a failed command from the last lines it printed (both streams). */
    public static DockerFailure classify(List<String> lines) {
        String detail = errorLine(lines);
        String all = String.join("\n", lines).toLowerCase(Locale.ROOT);
        Kind kind;
        if (all.contains("cannot connect to the docker daemon") || all.contains("is the docker daemon running")
                || all.contains("error during connect") || all.contains("cannot connect to podman")) {
            kind = Kind.DAEMON_UNREACHABLE;
        } else if (all.contains("cannot be overwritten because the repository is immutable")
                || all.contains("tag invalid") && all.contains("immutable")) {
            kind = Kind.IMMUTABLE_TAG;
        } else if (all.contains("no basic auth credentials") || all.contains("unauthorized")
                || all.contains("authentication required") || all.contains("denied:")
                || all.contains("status: 401") || all.contains("status: 403") || all.contains("403 forbidden")) {
            kind = Kind.UNAUTHORIZED;
        } else if (all.contains("invalid reference format") || all.contains("is not a valid repository/tag")) {
            kind = Kind.INVALID_REFERENCE;
        } else if (all.contains("no such image") || all.contains("image not known") || all.contains("manifest unknown")
                || all.contains("not found: manifest") || all.contains("name unknown")
                || all.contains("repository does not exist") || all.contains("does not exist")) {
            kind = Kind.NO_SUCH_IMAGE;
        } else if (all.contains("connection refused")) {
            kind = Kind.CONNECTION_REFUSED;
        } else if (all.contains("connection reset") || all.contains("i/o timeout") || all.contains("tls handshake timeout")
                || all.contains("timeout exceeded") || all.contains("request canceled") || all.contains("unexpected eof")
                || all.contains("broken pipe") || all.contains("no route to host") || all.contains("temporary failure")
                || all.contains("500 internal server error") || all.contains("502 bad gateway")
                || all.contains("503 service unavailable") || all.contains("504 gateway timeout")
                || all.matches("(?s).*(status|status code|http status)[: ]+5\\d\\d.*")) {
            kind = Kind.TRANSIENT;
        } else {
            kind = Kind.OTHER;
        }
        return new DockerFailure(kind, detail);
    }

    /** The line that says what went wrong: docker's last "Error ..." line, else its last line. */
    static String errorLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).trim();
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("error") || lower.contains("error response from daemon") || lower.startsWith("cannot ")) {
                return line;
            }
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).trim();
            }
        }
        return "no output";
    }
}
