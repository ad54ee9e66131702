package dev.ecrplugin.maven;

import dev.ecrplugin.aws.HttpProxy;
import dev.ecrplugin.aws.StaticCredentials;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Reporter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads AWS credentials and the proxy from settings.xml, decrypted with Maven's {@link SettingsDecrypter}, into
 * the core's plain records: Maven's types stop here. A decryption problem is an error, never a silent fallback.
 */
final class SettingsCredentials {

    private SettingsCredentials() {}

    /**
     * The access keys in the {@code <server>} with id {@code serverId}: {@code <username>} is the access key id,
     * {@code <password>} the secret access key, and the optional {@code <configuration><sessionToken>} the session
     * token of temporary credentials (password and session token may be encrypted with {@code mvn
     * --encrypt-password}).
     */
    static StaticCredentials server(Settings settings, SettingsDecrypter decrypter, String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new InvalidInputException("<serverId> '" + serverId + "' names no <server> in settings.xml: add "
                    + "<server><id>" + serverId + "</id><username>ACCESS_KEY_ID</username><password>SECRET_KEY"
                    + "</password></server> to ~/.m2/settings.xml, or fix <serverId>/-Decr.serverId");
        }
        String where = "settings.xml server '" + serverId + "'";
        Server decrypted = decrypt(decrypter, new DefaultSettingsDecryptionRequest(server), where).getServer();
        String sessionToken = null;
        String rawToken = sessionTokenOf(server);
        if (rawToken != null) {
            // decrypted the same way as a password (the decrypter only knows passwords and passphrases)
            Server carrier = new Server();
            carrier.setId(serverId);
            carrier.setPassword(rawToken);
            sessionToken = decrypt(decrypter, new DefaultSettingsDecryptionRequest(carrier),
                    where + " <sessionToken>").getServer().getPassword();
        }
        if (isBlank(decrypted.getUsername()) || isBlank(decrypted.getPassword())) {
            throw new InvalidInputException(where + " needs <username> (the AWS access key id) and <password> "
                    + "(the secret access key)");
        }
        return new StaticCredentials(where, decrypted.getUsername().trim(), decrypted.getPassword().trim(),
                sessionToken);
    }

    /**
     * The first active HTTP {@code <proxy>} of settings.xml ({@code <protocol>} http or https, Maven's default),
     * decrypted; null when there is none. An active proxy of another protocol (socks5, ...) is skipped with a
     * warning: the AWS calls go through HTTP proxies only.
     */
    static HttpProxy activeProxy(Settings settings, SettingsDecrypter decrypter, Reporter reporter) {
        Proxy proxy = null;
        for (Proxy candidate : settings == null ? List.<Proxy>of() : settings.getProxies()) {
            if (!candidate.isActive()) {
                continue;
            }
            String protocol = isBlank(candidate.getProtocol()) ? "http"
                    : candidate.getProtocol().trim().toLowerCase(Locale.ROOT);
            if (protocol.equals("http") || protocol.equals("https")) {
                proxy = candidate;
                break;
            }
            reporter.warn("settings.xml proxy '" + candidate.getId() + "' is not used for the AWS calls: its "
                    + "<protocol> is " + protocol + ", and they go through http(s) proxies only");
        }
        if (proxy == null) {
            return null;
        }
        if (isBlank(proxy.getHost())) {
            throw new InvalidInputException("settings.xml proxy '" + proxy.getId() + "' has no <host>");
        }
        Proxy decrypted = decrypt(decrypter, new DefaultSettingsDecryptionRequest(proxy),
                "settings.xml proxy '" + proxy.getId() + "'").getProxy();
        return new HttpProxy(decrypted.getHost().trim(), decrypted.getPort(), decrypted.getNonProxyHosts(),
                decrypted.getUsername(), decrypted.getPassword());
    }

    private static SettingsDecryptionResult decrypt(SettingsDecrypter decrypter,
            DefaultSettingsDecryptionRequest request, String where) {
        SettingsDecryptionResult result = decrypter.decrypt(request);
        List<SettingsProblem> errors = result.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Could not decrypt " + where + ": "
                    + errors.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))
                    + ". Check ~/.m2/settings-security.xml (the master password, or -Dsettings.security) and the "
                    + "encrypted value (mvn --encrypt-password)");
        }
        return result;
    }

    private static String sessionTokenOf(Server server) {
        if (server.getConfiguration() instanceof Xpp3Dom config) {
            Xpp3Dom token = config.getChild("sessionToken");
            if (token != null && !isBlank(token.getValue())) {
                return token.getValue().trim();
            }
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
