package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link SharedAnswer}: one call at a time; those waiting share its answer or its failure; a failure is not kept. */
class SharedAnswerTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final CountDownLatch asking = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Waits until {@code thread} waits (for the shared answer), up to 60 s. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() - deadline < 0) {
            Thread.sleep(5); // polls the other thread's state, up to the deadline
        }
        assertEquals(Thread.State.WAITING, thread.getState(), "the second caller waits for the first one's call");
    }

    @Test
    void aFailureReachesEveryoneWaitingOnceAndALaterCallerAsksAgain() throws Exception {
        IllegalStateException refused = new IllegalStateException("refused");
        SharedAnswer<String> answer = new SharedAnswer<>(() -> {
            if (asked.incrementAndGet() == 1) {
                asking.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw refused;
            }
            return "210987654321";
        });
        CompletableFuture<Throwable> first = new CompletableFuture<>();
        CompletableFuture<Throwable> second = new CompletableFuture<>();
        Thread a = new Thread(() -> first.complete(assertThrows(IllegalStateException.class, answer::get)));
        a.start();
        assertTrue(asking.await(60, TimeUnit.SECONDS));
        Thread b = new Thread(() -> second.complete(assertThrows(IllegalStateException.class, answer::get)));
        b.start();
        awaitWaiting(b);
        release.countDown();
        assertSame(refused, first.get(60, TimeUnit.SECONDS));
        assertSame(refused, second.get(60, TimeUnit.SECONDS), "the waiting caller got the same failure");
        assertEquals(1, asked.get(), "and made no call of its own");
        assertEquals("210987654321", answer.get(), "a caller after the failure asks again");
        assertEquals("210987654321", answer.get());
        assertEquals(2, asked.get(), "an answer is kept");
    }
}
