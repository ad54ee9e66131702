package dev.ecrplugin.docker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls a task at a fixed period while long work runs, with the time elapsed since it started: the seam that lets
 * unit tests fire the ticks themselves.
 */
@FunctionalInterface
public interface ProgressTimer {

    /** How often push and pull say how far they are. */
    Duration PERIOD = Duration.ofSeconds(10);

    /** Starts calling {@code tick} every {@code period} until the returned handle is closed. */
    Running start(Duration period, Consumer<Duration> tick);

    /**
     * A started timer; closing it stops the ticks: none starts after {@code close}, and {@code close} waits up to a
     * second for one that is running.
     */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** A daemon thread of its own for each start, so that a stuck tick can never hold the build. */
    ProgressTimer REAL = (period, tick) -> {
        long start = System.nanoTime();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ecr-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> tick.accept(Duration.ofNanos(System.nanoTime() - start)),
                period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    };
}
