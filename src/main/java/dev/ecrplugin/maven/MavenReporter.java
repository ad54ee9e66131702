package dev.ecrplugin.maven;

import dev.ecrplugin.core.Reporter;
import org.apache.maven.plugin.logging.Log;

/** The core's {@link Reporter} on Maven's {@link Log}. */
record MavenReporter(Log log) implements Reporter {

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
