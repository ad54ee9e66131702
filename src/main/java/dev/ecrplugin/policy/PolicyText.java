package dev.ecrplugin.policy;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Strings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The raw text of a policy document as the user gave it, from a file or inline, and where it came from (so that
 * every message about it names the POM parameter).
 *
 * @param kind   which document it is
 * @param origin how messages name it: {@code <policyFile> 'auth.json'} or {@code <policyDocument>}
 * @param text   the JSON text, placeholders not yet replaced
 */
public record PolicyText(PolicyKind kind, String origin, String text) {

    public PolicyText {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }

    /** Inline text given in the POM (or -D). */
    public static PolicyText inline(PolicyKind kind, String text) {
        return new PolicyText(kind, "<" + kind.inlineParameter() + ">", text);
    }

    /**
     * Loads the document from {@code file} (relative to {@code basedir} unless absolute) or takes {@code inline};
     * exactly one of them must be given.
     */
    public static PolicyText load(PolicyKind kind, Path basedir, String file, String inline) {
        String fileName = Strings.trimToNull(file);
        boolean hasFile = fileName != null;
        boolean hasInline = Strings.trimToNull(inline) != null;
        String fileParam = "<" + kind.fileParameter() + ">";
        String inlineParam = "<" + kind.inlineParameter() + ">";
        if (hasFile && hasInline) {
            throw new InvalidInputException(fileParam + " and " + inlineParam + " are both set: give the "
                    + kind.what() + " either as a file (" + fileParam + " or -D" + kind.fileProperty()
                    + ") or inline (" + inlineParam + "), not both");
        }
        if (!hasFile && !hasInline) {
            throw new InvalidInputException("No " + kind.what() + " document: set " + fileParam
                    + " (a JSON file, relative to the project directory; -D" + kind.fileProperty() + ") or "
                    + inlineParam + " (the JSON inline; -D" + kind.inlineProperty() + ")");
        }
        if (hasInline) {
            return inline(kind, inline);
        }
        String origin = fileParam + " '" + fileName + "'";
        Path path;
        try {
            path = Path.of(fileName);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(origin + " is not a valid path: " + e.getReason());
        }
        if (!path.isAbsolute() && basedir != null) {
            path = basedir.resolve(path);
        }
        path = path.normalize();
        if (!Files.exists(path)) {
            throw new InvalidInputException(origin + " does not exist (looked for " + path + "): fix the path in "
                    + fileParam + " (relative to the project directory) or create the file");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(origin + " is a directory (" + path + "): name the JSON file in "
                    + fileParam);
        }
        try {
            return new PolicyText(kind, origin, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException(origin + " cannot be read (" + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + "): check its permissions and encoding "
                    + "(UTF-8)");
        }
    }
}
