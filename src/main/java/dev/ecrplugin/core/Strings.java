package dev.ecrplugin.core;

/** Small string helpers for parameter values, which Maven hands over untrimmed (or blank when "unset"). */
public final class Strings {

    private Strings() {}

    /** The value without surrounding white space, or null when it is null, empty or only white space. */
    public static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
