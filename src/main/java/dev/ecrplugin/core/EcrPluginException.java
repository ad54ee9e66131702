package dev.ecrplugin.core;

/**
 * A failure the plugin's core reports. Subclasses say whose fault it is: {@link InvalidInputException} for what
 * the user must change, {@link OperationFailedException} for what went wrong in the world. The message is meant
 * for the user as it is: it says what was wrong and how to fix it, and never contains a secret.
 */
public abstract sealed class EcrPluginException extends RuntimeException
        permits InvalidInputException, OperationFailedException {

    protected EcrPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
