package dev.ecrplugin.core;

import java.time.Duration;

/** How a retry waits between attempts: the real clock in the goals, a recorder in unit tests (which never wait). */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
