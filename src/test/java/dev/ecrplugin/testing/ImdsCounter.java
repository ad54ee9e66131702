package dev.ecrplugin.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack's instance metadata stand-in (stack/imds-counter.py, at ECR_STACK_IMDS_ENDPOINT): it answers every
 * request 404 and counts it, so a test can prove nothing probed the metadata service. Fails loudly without the stack.
 */
public final class ImdsCounter {

    private static final Pattern ENTRY = Pattern.compile("\\{\"method\": \"([^\"]*)\", \"path\": \"([^\"]*)\"\\}");

    private ImdsCounter() {}

    public static String endpoint() {
        String value = System.getenv("ECR_STACK_IMDS_ENDPOINT");
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("ECR_STACK_IMDS_ENDPOINT is not set: this test needs the local stack's "
                    + "metadata stand-in. Start it and run through it: stack/ecr-stack up && stack/ecr-stack run "
                    + "./mvnw verify");
        }
        return value;
    }

    /** Forgets the requests seen. */
    public static void reset() {
        StackControl.send("the metadata stand-in", endpoint(), "POST", "/imds-counter/reset", "");
    }

    /** The requests seen since the last reset, as {@code METHOD PATH}. */
    public static List<String> requests() {
        List<String> seen = new ArrayList<>();
        Matcher m = ENTRY.matcher(StackControl.send("the metadata stand-in", endpoint(), "GET", "/imds-counter/log",
                null));
        while (m.find()) {
            seen.add(m.group(1) + " " + m.group(2));
        }
        return seen;
    }
}
