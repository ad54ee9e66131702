package dev.ecrplugin.core;

/** The user's configuration, input files or permissions are wrong; the message names the setting and the fix. */
public final class InvalidInputException extends EcrPluginException {

    public InvalidInputException(String message) {
        super(message, null);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
