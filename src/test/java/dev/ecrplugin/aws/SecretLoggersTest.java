package dev.ecrplugin.aws;

import static dev.ecrplugin.aws.CredsFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.testing.RecordingReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.profiles.ProfileFile;

/**
/** {@link SecretLoggers} holds the loggers that print secrets at INFO. */
class SecretLoggersTest {

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> infos = reporter.infos;

    @Test
    void aSecretLoggerMadeEarlierAtDebugIsAWarning() {
        // another plugin of the build made the logger under -X before this plugin could hold it at INFO
        String name = "dev.ecrplugin.test.made.earlier." + UUID.randomUUID().toString().substring(0, 8);
        String key = "org.slf4j.simpleLogger.log." + name;
        System.setProperty(key, "debug");
        org.slf4j.LoggerFactory.getLogger(name);
        System.clearProperty(key);
        String quiet = "dev.ecrplugin.test.made.now." + UUID.randomUUID().toString().substring(0, 8);
        RecordingReporter warnings = new RecordingReporter();
        try {
            SecretLoggers.quiet(List.of(name, quiet), warnings);
        } finally {
            System.clearProperty(key);
            System.clearProperty("org.slf4j.simpleLogger.log." + quiet);
        }
        assertEquals(List.of("The logger " + name + " already prints DEBUG (another plugin of this build made it "
                + "first) and may show secrets under -X: run without -X, or with -D" + key + "=info"), warnings.warnings);
    }

    @Test
    void theSecretLoggersAreOffUnlessTheUserSetTheirLevel() {
        // the signers' canonical requests show the session token; hc5's headers and wire show the proxy's
        // credentials and the bodies (a web identity JWT, a returned secret key)
        assertTrue(SecretLoggers.NAMES.containsAll(List.of(
                "software.amazon.awssdk.http.auth.aws.internal.signer", "software.amazon.awssdk.auth.signer",
                "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire")),
                SecretLoggers.NAMES.toString());
        List<String> keys = SecretLoggers.NAMES.stream().map(l -> "org.slf4j.simpleLogger.log." + l).toList();
        Map<String, String> before = new HashMap<>();
        keys.forEach(k -> before.put(k, System.getProperty(k)));
        String userSet = keys.get(keys.size() - 1);
        try {
            keys.forEach(System::clearProperty);
            System.setProperty(userSet, "debug");
            AwsClients.create(settings().withCredentials(new StaticCredentials("test", "AKIA", "s", "t")), reporter)
                    .close();
            for (String key : keys.subList(0, keys.size() - 1)) {
                assertEquals("info", System.getProperty(key), key);
            }
            assertEquals("debug", System.getProperty(userSet), "a level the user set is kept");
        } finally {
            before.forEach(CredsFixtures::restore);
        }
    }

    /**
     * Under -X, the secret loggers stay at INFO with the real logger of each Maven (its jars, copied by the build
     * into target/maven-loggers, in a class loader of its own), and that logger prints nothing about the property.
     */
    @ParameterizedTest
    @CsvSource({
            "maven-3.9.0,      org.slf4j.simpleLogger.defaultLogLevel, org.slf4j.simpleLogger.log.",
            "maven-4.0.0-rc-5, maven.logger.defaultLogLevel,           maven.logger.log."})
    void theSecretLoggersStayAtInfoUnderDashXWithoutAWarning(String maven, String defaultLevelKey, String levelKey)
            throws Exception {
        String secret = "dev.ecrplugin.test.secret." + UUID.randomUUID().toString().substring(0, 8);
        String other = "dev.ecrplugin.test.other." + UUID.randomUUID().toString().substring(0, 8);
        RecordingReporter warnings = new RecordingReporter();
        String stderr;
        org.slf4j.LoggerFactory.getLogger(SecretLoggersTest.class); // the tests' own slf4j-simple keeps its level
        System.setProperty(defaultLevelKey, "debug"); // what -X does
        try (MavenLogger logger = new MavenLogger(maven)) {
            assertEquals(levelKey, SecretLoggers.levelKey(logger.factory.getClass()));
            stderr = logger.stderrOf(() -> {
                SecretLoggers.quiet(List.of(secret), SecretLoggers.levelKey(logger.factory.getClass()), warnings);
                assertFalse(logger.debugEnabled(secret), "the secret logger is at INFO");
                assertTrue(logger.debugEnabled(other), "the control: -X holds for the other loggers");
            });
        } finally {
            System.clearProperty(defaultLevelKey);
            System.clearProperty(levelKey + secret);
        }
        assertEquals("", stderr);
        assertEquals(List.of(), warnings.warnings);
    }

    /** The control for Maven 4: the slf4j-simple property is still read there, with a warning for each. */
    @Test
    void maven4WarnsAboutTheSlf4jSimpleProperty() throws Exception {
        String name = "dev.ecrplugin.test.legacy." + UUID.randomUUID().toString().substring(0, 8);
        String legacy = SecretLoggers.SIMPLE_LOGGER_KEY + name;
        System.setProperty(legacy, "debug");
        try (MavenLogger logger = new MavenLogger("maven-4.0.0-rc-5")) {
            String stderr = logger.stderrOf(() -> assertTrue(logger.debugEnabled(name)));
            assertTrue(stderr.contains("SLF4J(W): Using deprecated property " + legacy), stderr);
        } finally {
            System.clearProperty(legacy);
        }
    }

    @Test
    void onMaven4ALevelTheUserSetTheSlf4jSimpleWayIsKept() {
        String name = "dev.ecrplugin.test.user." + UUID.randomUUID().toString().substring(0, 8);
        String legacy = SecretLoggers.SIMPLE_LOGGER_KEY + name;
        System.setProperty(legacy, "debug");
        try {
            SecretLoggers.quiet(List.of(name), SecretLoggers.MAVEN_LOGGER_KEY, new RecordingReporter());
            assertNull(System.getProperty(SecretLoggers.MAVEN_LOGGER_KEY + name));
            assertEquals("debug", System.getProperty(legacy));
        } finally {
            System.clearProperty(legacy);
            System.clearProperty(SecretLoggers.MAVEN_LOGGER_KEY + name);
        }
    }

    @Test
    void theTestsOwnSlf4jSimpleReadsTheSlf4jSimpleProperty() {
        assertEquals(SecretLoggers.SIMPLE_LOGGER_KEY,
                SecretLoggers.levelKey(org.slf4j.LoggerFactory.getILoggerFactory().getClass()));
    }

    /** A Maven distribution's slf4j-api and logger, in a class loader of their own. */
    private static final class MavenLogger implements AutoCloseable {
        final URLClassLoader loader;
        final Object factory;

        MavenLogger(String maven) throws Exception {
            Path dir = Path.of("target", "maven-loggers", maven);
            URL[] jars;
            try (Stream<Path> files = Files.list(dir)) {
                jars = files.map(MavenLogger::url).toArray(URL[]::new);
            }
            assertEquals(2, jars.length, "slf4j-api and the logger in " + dir);
            loader = new URLClassLoader(jars, ClassLoader.getPlatformClassLoader());
            factory = inLoader(() -> Class.forName("org.slf4j.LoggerFactory", true, loader)
                    .getMethod("getILoggerFactory").invoke(null));
        }

        boolean debugEnabled(String name) throws Exception {
            return inLoader(() -> {
                Object logger = Class.forName("org.slf4j.ILoggerFactory", true, loader)
                        .getMethod("getLogger", String.class).invoke(factory, name);
                return (Boolean) Class.forName("org.slf4j.Logger", true, loader).getMethod("isDebugEnabled")
                        .invoke(logger);
            });
        }

        /** What {@code action} printed on stderr (where slf4j reports its warnings). */
        String stderrOf(Action action) throws Exception {
            PrintStream err = System.err;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            try {
                action.run();
            } finally {
                System.setErr(err);
            }
            return buffer.toString(StandardCharsets.UTF_8);
        }

        /** With the thread's context class loader the logger's own (it reads its properties files from there). */
        private <T> T inLoader(Call<T> call) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return call.call();
            } finally {
                thread.setContextClassLoader(before);
            }
        }

        private static URL url(Path jar) {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            loader.close();
        }
    }

    interface Action {
        void run() throws Exception;
    }

    interface Call<T> {
        T call() throws Exception;
    }


    private Supplier<ProfileFile> files(String config, String credentials) throws IOException {
        return CredsFixtures.files(dir, config, credentials);
    }
}
