package dev.ecrplugin.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.aws.AwsClients;
import dev.ecrplugin.aws.AwsSettings;
import dev.ecrplugin.aws.HttpProxy;
import dev.ecrplugin.aws.StaticCredentials;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import dev.ecrplugin.testing.IamFixtures;
import dev.ecrplugin.testing.IamFixtures.UserWithKey;
import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.MotoAuthOff;
import dev.ecrplugin.testing.NeedsStack;
import dev.ecrplugin.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * settings.xml servers and proxies, encrypted as {@code mvn --encrypt-master-password} / {@code --encrypt-password}
 * do it (plexus-cipher), decrypted by Maven's own {@link DefaultSettingsDecrypter} with a settings-security.xml.
 */
@ExtendWith(MotoAuthOff.class)
@NeedsStack
class SettingsCredentialsTest {

    private static final String MASTER = "master-of-the-build";

    @TempDir
    Path dir;

    private final DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    private final RecordingReporter reporter = new RecordingReporter();

    @Test
    void anEncryptedServerPasswordIsDecryptedAndMotoAcceptsTheKeys() throws Exception {
        UserWithKey key = newUserKey();
        Settings settings = settingsWith(server("aws-ci", key.accessKeyId(), encrypt(key.secretAccessKey()), null));

        StaticCredentials credentials = SettingsCredentials.server(settings, decrypter(MASTER), "aws-ci");

        assertEquals(key.secretAccessKey(), credentials.secretKey());
        assertNull(credentials.sessionToken());
        assertFalse(credentials.toString().contains(key.secretAccessKey()));
        LocalStack.enforceIam(true);
        try (AwsClients aws = AwsClients.create(AwsSettings.of(LocalStack.REGION, null, LocalStack.endpoint())
                .withCredentials(credentials), Reporter.SILENT)) {
            assertEquals(key.arn(), aws.sts().getCallerIdentity().arn());
        } finally {
            LocalStack.enforceIam(false);
        }
    }

    @Test
    void anEncryptedSessionTokenInTheServerConfigurationIsDecrypted() throws Exception {
        Settings settings = settingsWith(server("aws-tmp", "ASIAEXAMPLE", encrypt("secret"), encrypt("the-token")));

        StaticCredentials credentials = SettingsCredentials.server(settings, decrypter(MASTER), "aws-tmp");

        assertEquals("the-token", credentials.sessionToken());
        assertEquals("settings.xml server 'aws-tmp'", credentials.source());
    }

    @Test
    void aWrongMasterPasswordIsAClearErrorNotAFallback() throws Exception {
        Settings settings = settingsWith(server("aws-ci", "AKIAEXAMPLE", encrypt("secret"), null));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SettingsCredentials.server(settings, decrypter("not-the-master"), "aws-ci"));

        assertTrue(e.getMessage().startsWith("Could not decrypt settings.xml server 'aws-ci': "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Check ~/.m2/settings-security.xml (the master password, or "
                + "-Dsettings.security) and the encrypted value (mvn --encrypt-password)"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void anUnknownServerIdSaysWhatToAdd() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SettingsCredentials.server(new Settings(), decrypter(MASTER), "nope"));
        assertTrue(e.getMessage().startsWith("<serverId> 'nope' names no <server> in settings.xml"), e.getMessage());
    }

    @Test
    void theActiveProxyIsDecrypted() throws Exception {
        Proxy proxy = new Proxy();
        proxy.setId("corp");
        proxy.setHost("proxy.corp");
        proxy.setPort(3128);
        proxy.setUsername("me");
        proxy.setPassword(encrypt("proxy-secret"));
        proxy.setNonProxyHosts("*.corp|localhost");
        Settings settings = new Settings();
        settings.addProxy(proxy);

        HttpProxy http = SettingsCredentials.activeProxy(settings, decrypter(MASTER), reporter);

        assertEquals(new HttpProxy("proxy.corp", 3128, "*.corp|localhost", "me", "proxy-secret"), http);
        assertNull(SettingsCredentials.activeProxy(new Settings(), decrypter(MASTER), reporter));
        assertTrue(reporter.all().isEmpty());
    }

    @Test
    void aSocksProxyIsSkippedWithAWarningForTheFirstActiveHttpOne() throws Exception {
        Settings settings = new Settings();
        settings.addProxy(proxy("socks", "socks5", true));
        settings.addProxy(proxy("off", "http", false));
        settings.addProxy(proxy("corp", "HTTPS", true));

        HttpProxy http = SettingsCredentials.activeProxy(settings, decrypter(MASTER), reporter);

        assertEquals("corp.host", http.host());
        assertEquals(java.util.List.of("settings.xml proxy 'socks' is not used for the AWS calls: its <protocol> is "
                + "socks5, and they go through http(s) proxies only"), reporter.warnings);
        Settings socksOnly = new Settings();
        socksOnly.addProxy(proxy("socks", "socks4", true));
        assertNull(SettingsCredentials.activeProxy(socksOnly, decrypter(MASTER), reporter));
    }

    // --- helpers ---

    private static Proxy proxy(String id, String protocol, boolean active) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setActive(active);
        proxy.setHost(id + ".host");
        proxy.setPort(1080);
        return proxy;
    }

    private String encrypt(String value) throws Exception {
        return cipher.encryptAndDecorate(value, MASTER);
    }

    /** Maven's decrypter, with a settings-security.xml holding {@code master} encrypted as Maven does it. */
    private SettingsDecrypter decrypter(String master) throws Exception {
        Path security = dir.resolve("settings-security-" + UUID.randomUUID() + ".xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(master, DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION)
                + "</master></settingsSecurity>");
        return new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
    }

    private static Server server(String id, String user, String password, String sessionToken) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        if (sessionToken != null) {
            Xpp3Dom config = new Xpp3Dom("configuration");
            Xpp3Dom token = new Xpp3Dom("sessionToken");
            token.setValue(sessionToken);
            config.addChild(token);
            server.setConfiguration(config);
        }
        return server;
    }

    private static Settings settingsWith(Server server) {
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    private static UserWithKey newUserKey() {
        return IamFixtures.userWithKey("creds-" + UUID.randomUUID().toString().substring(0, 8),
                IamFixtures.allowing("sts:GetCallerIdentity"));
    }
}
