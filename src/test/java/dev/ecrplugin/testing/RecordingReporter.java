package dev.ecrplugin.testing;

import dev.ecrplugin.core.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Reporter} that keeps what it is told, for unit tests; thread-safe (clients log from their own threads). */
public final class RecordingReporter implements Reporter {

    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();
    public final List<String> debugs = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void debug(String message) {
        debugs.add(message);
    }

    /** Everything, at every level. */
    public List<String> all() {
        List<String> all = new ArrayList<>(infos);
        all.addAll(warnings);
        all.addAll(debugs);
        return all;
    }
}
