package dev.ecrplugin.aws;

import dev.ecrplugin.core.InvalidInputException;
import java.time.Duration;

/**
 * How long one AWS call may take in all (its retries included), and each attempt of it.
 *
 * @param apiCall        the whole call, from {@code <apiCallTimeout>}/{@code -Decr.apiCallTimeout}
 * @param apiCallAttempt one attempt, from {@code <apiCallAttemptTimeout>}/{@code -Decr.apiCallAttemptTimeout}
 */
public record AwsTimeouts(Duration apiCall, Duration apiCallAttempt) {

    public static final int DEFAULT_API_CALL_SECONDS = 30;
    public static final int DEFAULT_API_CALL_ATTEMPT_SECONDS = 10;
    public static final AwsTimeouts DEFAULT =
            ofSeconds(DEFAULT_API_CALL_SECONDS, DEFAULT_API_CALL_ATTEMPT_SECONDS);

    /** Checks the parameters as the user wrote them. */
    public static AwsTimeouts ofSeconds(int apiCall, int apiCallAttempt) {
        if (apiCall < 1) {
            throw new InvalidInputException("<apiCallTimeout> " + apiCall + " is not a number of seconds: use 1 or "
                    + "more (POM <apiCallTimeout> or -Decr.apiCallTimeout; default " + DEFAULT_API_CALL_SECONDS + ")");
        }
        if (apiCallAttempt < 1) {
            throw new InvalidInputException("<apiCallAttemptTimeout> " + apiCallAttempt + " is not a number of "
                    + "seconds: use 1 or more (POM <apiCallAttemptTimeout> or -Decr.apiCallAttemptTimeout; default "
                    + DEFAULT_API_CALL_ATTEMPT_SECONDS + ")");
        }
        return new AwsTimeouts(Duration.ofSeconds(apiCall), Duration.ofSeconds(apiCallAttempt));
    }
}
