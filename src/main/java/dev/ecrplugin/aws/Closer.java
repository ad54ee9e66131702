package dev.ecrplugin.aws;

import java.util.ArrayList;
import java.util.List;

/** What a session built and must close (clients, credential providers), closed in reverse order. Thread-safe. */
final class Closer implements AutoCloseable {

    private final List<AutoCloseable> built = new ArrayList<>();

    /** Remembers {@code value} if it can be closed; returns it. */
    <C> C add(C value) {
        if (value instanceof AutoCloseable c) {
            synchronized (built) {
                built.add(c);
            }
        }
        return value;
    }

    /** Closes in reverse order of building, best effort. */
    @Override
    public void close() {
        synchronized (built) {
            for (int i = built.size() - 1; i >= 0; i--) {
                try {
                    built.get(i).close();
                } catch (Exception e) {
                    // closing is best effort
                }
            }
            built.clear();
        }
    }
}
