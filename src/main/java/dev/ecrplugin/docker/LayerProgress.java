package dev.ecrplugin.docker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running {@code docker push} or {@code pull} has done so far, read from the lines it prints. Out of a
 * terminal docker prints one line per layer and state change ({@code 3f4e...: Pushed}) and no byte counts; podman
 * prints {@code Copying blob ...}. Sizes are counted only where a line carries them ({@code 12.3MB/45.6MB}).
 * Fed from the output threads one line at a time and read from the progress timer: its methods are synchronized.
 */
final class LayerProgress {

    private static final Pattern DOCKER_LAYER = Pattern.compile("^([0-9a-f]{12}): (.+)$");
    private static final Pattern PODMAN_BLOB = Pattern.compile("^Copying blob (?:sha256:)?([0-9a-f]{12,64})(.*)$");
    private static final Pattern SIZES = Pattern.compile(
            "(\\d+(?:\\.\\d+)?\\s?[kKMGT]?i?B)\\s*/\\s*(\\d+(?:\\.\\d+)?\\s?[kKMGT]?i?B)");

    private record Layer(boolean done, String current, String total) {}

    private final Map<String, Layer> layers = new LinkedHashMap<>();

    /** Takes one line of the command's standard output. */
    synchronized void line(String text) {
        String line = text.strip();
        Matcher docker = DOCKER_LAYER.matcher(line);
        Matcher podman = PODMAN_BLOB.matcher(line);
        String id;
        String status;
        if (docker.matches()) {
            id = docker.group(1);
            status = docker.group(2);
        } else if (podman.matches()) {
            id = podman.group(1).substring(0, 12);
            status = podman.group(2).strip();
        } else {
            return;
        }
        Layer before = layers.get(id);
        if (before != null && before.done()) {
            return;
        }
        Matcher sizes = SIZES.matcher(status);
        boolean sized = sizes.find();
        layers.put(id, new Layer(done(status), sized ? sizes.group(1) : null, sized ? sizes.group(2) : null));
    }

    private static boolean done(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        return s.equals("pushed") || s.equals("layer already exists") || s.startsWith("mounted from")
                || s.equals("pull complete") || s.equals("already exists") || s.equals("done")
                || s.equals("skipped: already exists");
    }

    /**
     * The progress line for {@code what} (for example {@code docker push host/repo1:1.0}) after {@code elapsed}:
     * layers done of layers seen, the sizes of layers in flight where docker gave them, and the time so far.
     */
    synchronized String describe(String what, Duration elapsed) {
        StringBuilder line = new StringBuilder(what).append(": ");
        if (layers.isEmpty()) {
            line.append("no layer reported yet");
        } else {
            long done = layers.values().stream().filter(Layer::done).count();
            line.append(done).append(" of ").append(layers.size()).append(layers.size() == 1 ? " layer" : " layers")
                    .append(" done");
            StringBuilder inFlight = new StringBuilder();
            layers.forEach((id, layer) -> {
                if (!layer.done() && layer.current() != null) {
                    inFlight.append(inFlight.isEmpty() ? "" : ", ").append(id).append(' ')
                            .append(layer.current()).append('/').append(layer.total());
                }
            });
            if (!inFlight.isEmpty()) {
                line.append(" (").append(inFlight).append(')');
            }
        }
        return line.append(", ").append(elapsed.toSeconds()).append(" s elapsed").toString();
    }
}
