package dev.ecrplugin.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One question asked of AWS at most once at a time: the first caller asks, every caller meanwhile waits for that
 * answer and gets it, or gets its failure (not a second call of its own: a call that timed out is not waited for
 * twice). An answer is kept; a failure is not, so a caller after it asks again. Thread-safe.
 */
final class SharedAnswer<T> {

    private final Supplier<T> ask;
    private CompletableFuture<T> current; // guarded by this

    SharedAnswer(Supplier<T> ask) {
        this.ask = ask;
    }

    T get() {
        CompletableFuture<T> answer;
        boolean asking = false;
        synchronized (this) {
            if (current == null) {
                current = new CompletableFuture<>();
                asking = true;
            }
            answer = current;
        }
        if (asking) {
            try {
                answer.complete(ask.get());
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    current = null; // the callers waiting now share this failure; a later one asks again
                }
                answer.completeExceptionally(e);
            }
        }
        try {
            return answer.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
