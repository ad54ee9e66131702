package dev.ecrplugin.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack's fault proxy (stack/fault-proxy.py, at ECR_STACK_FAULT_ENDPOINT): moto behind a proxy that loses
 * the answer to the calls it is armed for. For prebuild/verify scripts and tests; it fails loudly without the stack.
 */
public final class FaultProxy {

    /** Forward the call (moto acts), then close the connection without an answer. */
    public static final String DROP_AFTER_FORWARD = "drop-after-forward";
    /** Forward the call (moto acts), then answer 500. */
    public static final String STATUS_500_AFTER_FORWARD = "status-500-after-forward";
    /** Accept the call and never answer (released after 120 s, or on reset). */
    public static final String HANG = "hang";
    /** A count that never runs out: every matching call. */
    public static final int EVERY_CALL = -1;

    private static final Pattern ENTRY = Pattern.compile("\\{\"action\": \"([^\"]*)\", \"fault\": (null|\"[^\"]*\")\\}");

    private FaultProxy() {}

    /** One call the proxy saw, and the fault it applied (null: none). */
    public record Seen(String action, String fault) {}

    public static String endpoint() {
        String value = System.getenv("ECR_STACK_FAULT_ENDPOINT");
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("ECR_STACK_FAULT_ENDPOINT is not set: these tests need the local stack's "
                    + "fault proxy. Start it and run through it: stack/ecr-stack up && stack/ecr-stack run ./mvnw verify");
        }
        return value;
    }

    /** Disarms everything, forgets the calls seen and releases hanging calls. */
    public static void reset() {
        send("POST", "/fault-proxy/reset", "");
    }

    /** Arms {@code mode} for the next {@code count} calls of {@code action} ("*": any action). */
    public static void arm(String action, String mode, int count) {
        send("POST", "/fault-proxy/arm", "{\"action\": \"" + action + "\", \"mode\": \"" + mode + "\", \"count\": "
                + count + "}");
    }

    /** The calls seen since the last reset, in order. */
    public static List<Seen> log() {
        List<Seen> seen = new ArrayList<>();
        Matcher m = ENTRY.matcher(send("GET", "/fault-proxy/log", null));
        while (m.find()) {
            seen.add(new Seen(m.group(1), m.group(2).equals("null") ? null : m.group(2).replace("\"", "")));
        }
        return seen;
    }

    /** How many calls of {@code action} the proxy saw since the last reset. */
    public static long count(String action) {
        return log().stream().filter(s -> s.action().equals(action)).count();
    }

    private static String send(String method, String path, String body) {
        return StackControl.send("the fault proxy", endpoint(), method, path, body);
    }
}
