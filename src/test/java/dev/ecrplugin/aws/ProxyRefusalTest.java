package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.MotoAuthOff;
import dev.ecrplugin.testing.NeedsStack;
import dev.ecrplugin.testing.RecordingReporter;
import dev.ecrplugin.testing.TinyProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A settings.xml proxy that refuses its credentials, for real: the stack's moto behind a tinyproxy with basic auth,
 * reached with the right user and a wrong password. The HTTP client hands the proxy's refusal back as if AWS had
 * answered; {@link AwsErrors} must say it is the proxy's, and the user's to fix.
 */
@ExtendWith(MotoAuthOff.class)
@NeedsStack
class ProxyRefusalTest {

    @TempDir
    Path dir;

    private TinyProxy proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = TinyProxy.start(dir.resolve("proxy"));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aWrongProxyPasswordIsTheUsersMistakeSaidAsTheProxysNotAwss() throws Exception {
        try (AwsClients aws = AwsClients.create(settings("not-" + TinyProxy.PASSWORD), new RecordingReporter())) {
            assertRefusedByTheProxy(() -> aws.ecr().describeRepositories()); // awsJson (ECR)
            assertRefusedByTheProxy(() -> aws.sts().getCallerIdentity()); // query protocol, XML answers (STS)
            assertRefusedByTheProxy(() -> aws.iam().listUsers()); // query protocol, XML answers (IAM)
        }
        assertTrue(Files.readString(proxy.log()).contains("POST " + LocalStack.endpoint() + "/ "),
                "the calls went to the proxy:\n" + Files.readString(proxy.log()));

        // the control: the same calls with the right password reach moto through the same proxy
        try (AwsClients aws = AwsClients.create(settings(TinyProxy.PASSWORD), new RecordingReporter())) {
            aws.ecr().describeRepositories();
            assertEquals(LocalStack.ACCOUNT, aws.sts().getCallerIdentity().account());
            aws.iam().listUsers();
        }
    }

    private AwsSettings settings(String proxyPassword) {
        return AwsSettings.of(LocalStack.REGION, null, LocalStack.endpoint())
                .withCredentials(new StaticCredentials("test", "AKIAPROXYTEST0000000", "secret", null))
                .withProxy(new HttpProxy("127.0.0.1", proxy.port(), null, TinyProxy.USER, proxyPassword));
    }

    private static void assertRefusedByTheProxy(Executable call) {
        SdkException e = assertThrows(SdkException.class, call);
        EcrPluginException translated = AwsErrors.translate("ecr:push", e);
        assertEquals(AwsErrorsTest.PROXY_REFUSED.formatted(401), translated.getMessage(),
                () -> "the SDK said: " + e);
        assertInstanceOf(InvalidInputException.class, translated);
    }
}
