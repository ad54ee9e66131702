package dev.ecrplugin.permissions;

import dev.ecrplugin.core.Strings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One goal as a build would run it: its name, the execution it belongs to, and its effective parameters (the
 * execution's configuration merged with the plugin's, else the {@code -Decr.*} properties; blank values dropped).
 * Plain values: a list parameter holds each element.
 *
 * @param goal        the goal's name, e.g. push
 * @param executionId the POM execution's id, or {@code -Decr.goals} for a goal named on the command line
 * @param parameters  parameter name to its values (one for a plain parameter)
 */
public record GoalConfig(String goal, String executionId, Map<String, List<String>> parameters) {

    public GoalConfig {
        Map<String, List<String>> copy = new TreeMap<>();
        parameters.forEach((name, values) -> {
            List<String> kept = new ArrayList<>();
            for (String v : values == null ? List.<String>of() : values) {
                String t = Strings.trimToNull(v);
                if (t != null) {
                    kept.add(t);
                }
            }
            if (!kept.isEmpty()) {
                copy.put(name, List.copyOf(kept));
            }
        });
        parameters = Map.copyOf(copy);
    }

    /** The value of a plain parameter, or null when it is not set. */
    public String value(String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.get(0);
    }

    /** The values of a list parameter (each comma-separated element of a -D value), empty when not set. */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (String v : parameters.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public boolean isSet(String name) {
        return parameters.containsKey(name);
    }

    /** True when the boolean parameter is set to true. */
    public boolean isTrue(String name) {
        return "true".equalsIgnoreCase(value(name));
    }

    /** How the goal is named in messages: {@code push (execution push-as-usr1)}. */
    public String describe() {
        return goal + " (" + (executionId.startsWith("-D") ? executionId : "execution " + executionId) + ")";
    }
}
