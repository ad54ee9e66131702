package dev.ecrplugin.aws;

import java.util.ArrayList;
import java.util.List;

/**
 * What a session built and must close (clients, credential providers), closed in reverse order. Thread-safe; what is
 * added after {@link #close()} (a client the warm-up thread finished late) is closed at once.
 */
final class Closer implements AutoCloseable {

    private final List<AutoCloseable> built = new ArrayList<>();
    private boolean closed;

    /** Remembers {@code value} if it can be closed; returns it. */
    <C> C add(C value) {
        if (value instanceof AutoCloseable c) {
            synchronized (built) {
                if (!closed) {
                    built.add(c);
                    return value;
                }
            }
            closeQuietly(c);
        }
        return value;
    }

    /** Closes in reverse order of building, best effort. */
    @Override
    public void close() {
        synchronized (built) {
            closed = true;
            for (int i = built.size() - 1; i >= 0; i--) {
                closeQuietly(built.get(i));
            }
            built.clear();
        }
    }

    /** How many are held, not yet closed. */
    int size() {
        synchronized (built) {
            return built.size();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing is best effort
        }
    }
}
