package dev.ecrplugin.aws;

import dev.ecrplugin.core.Reporter;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Holds the loggers that print secrets at DEBUG at INFO, since Maven prints DEBUG under {@code -X}. */
final class SecretLoggers {

    /**
     * Loggers that print secrets at DEBUG: the SDK's signers (current and legacy: the canonical request, session
     * token included), and Apache HttpClient 5's header and wire logs (Authorization, Proxy-Authorization, and
     * response bodies such as IAM's CreateAccessKey with the new secret key), and its cookie handling (the cookies
     * a proxy or load balancer sets).
     */
    static final List<String> NAMES = List.of("software.amazon.awssdk.http.auth.aws.internal.signer",
            "software.amazon.awssdk.auth.signer", "org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.protocol");

    private SecretLoggers() {}

    /**
     * Turns {@code loggers} to INFO. Maven's logger (a fork of slf4j-simple) reads a logger's level from a system
     * property when the logger is first made, so this must run before the first client is built. A level the user
     * set is kept.
     */
    static void quiet(List<String> loggers, Reporter reporter) {
        for (String logger : loggers) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "info");
                // a logger made earlier (by another plugin of this build) keeps the level it was made with
                if (LoggerFactory.getLogger(logger).isDebugEnabled()) {
                    reporter.warn("The logger " + logger + " already prints DEBUG (another plugin of this build made it "
                            + "first) and may show secrets under -X: run without -X, or with -D" + key + "=info");
                }
            }
        }
    }
}
