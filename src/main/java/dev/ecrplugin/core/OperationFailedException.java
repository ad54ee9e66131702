package dev.ecrplugin.core;

/** Something outside the user's configuration failed: a service, the network, docker. */
public final class OperationFailedException extends EcrPluginException {

    public OperationFailedException(String message) {
        super(message, null);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
