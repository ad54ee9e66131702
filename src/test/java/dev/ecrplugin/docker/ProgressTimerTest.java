package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real timer: it ticks on a daemon thread with a growing elapsed time, and not once after it is closed. */
class ProgressTimerTest {

    @Test
    void ticksUntilClosedThenNeverAgain() throws Exception {
        List<Duration> elapsed = new CopyOnWriteArrayList<>();
        List<Boolean> daemon = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        ProgressTimer.Running running = ProgressTimer.REAL.start(Duration.ofMillis(20), e -> {
            elapsed.add(e);
            daemon.add(Thread.currentThread().isDaemon());
            three.countDown();
        });
        assertTrue(three.await(30, TimeUnit.SECONDS), "three ticks");
        running.close();
        int afterClose = elapsed.size();
        Thread.sleep(100);
        assertEquals(afterClose, elapsed.size(), "no tick after close returned");
        assertTrue(daemon.stream().allMatch(d -> d), "ticks run on a daemon thread");
        for (int i = 1; i < elapsed.size(); i++) {
            assertTrue(elapsed.get(i).compareTo(elapsed.get(i - 1)) > 0, elapsed.toString());
        }
        assertTrue(elapsed.get(0).toMillis() >= 20, "the first tick comes after one period: " + elapsed);
    }
}
