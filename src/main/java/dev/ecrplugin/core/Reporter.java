package dev.ecrplugin.core;

/** Where the core says what it does; the Maven goals adapt it to Maven's {@code Log}. Never given a secret. */
public interface Reporter {

    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A reporter that drops everything, for callers that do not care. */
    Reporter SILENT = new Reporter() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
