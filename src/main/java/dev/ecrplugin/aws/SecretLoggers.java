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

    /** Where Maven 3's logger (a fork of slf4j-simple) and slf4j-simple read a logger's level. */
    static final String SIMPLE_LOGGER_KEY = "org.slf4j.simpleLogger.log.";

    /**
     * Where Maven 4's logger (maven-logging) reads a logger's level. It still reads {@link #SIMPLE_LOGGER_KEY}, but
     * prints a {@code SLF4J(W): Using deprecated property} warning for each such property.
     */
    static final String MAVEN_LOGGER_KEY = "maven.logger.log.";

    /** The package of Maven 4's logger implementation (its {@code MavenLoggerFactory}). */
    private static final String MAVEN_LOGGING_PACKAGE = "org.apache.maven.slf4j.";

    private SecretLoggers() {}

    /** Turns {@code loggers} to INFO, as the logger implementation Maven runs with reads its levels. */
    static void quiet(List<String> loggers, Reporter reporter) {
        quiet(loggers, levelKey(LoggerFactory.getILoggerFactory().getClass()), reporter);
    }

    /**
     * The system property prefix from which the slf4j implementation whose factory is {@code loggerFactory} reads a
     * logger's level: {@link #MAVEN_LOGGER_KEY} for Maven 4's, {@link #SIMPLE_LOGGER_KEY} for Maven 3's and
     * slf4j-simple (and for any other, which reads neither: setting it then does no harm).
     */
    static String levelKey(Class<?> loggerFactory) {
        for (Class<?> c = loggerFactory; c != null; c = c.getSuperclass()) {
            if (c.getName().startsWith(MAVEN_LOGGING_PACKAGE)) {
                return MAVEN_LOGGER_KEY;
            }
        }
        return SIMPLE_LOGGER_KEY;
    }

    /**
     * Turns {@code loggers} to INFO through the system properties starting with {@code levelKey}. Maven's loggers
     * read a logger's level from a system property when the logger is first made, so this must run before the first
     * client is built. A level the user set is kept (on Maven 4 also one set the slf4j-simple way).
     */
    static void quiet(List<String> loggers, String levelKey, Reporter reporter) {
        for (String logger : loggers) {
            String key = levelKey + logger;
            if (System.getProperty(key) == null && System.getProperty(SIMPLE_LOGGER_KEY + logger) == null) {
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
