package dev.ecrplugin.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcrImageRefTest {

    @Test
    void ecrHostsOfEveryKind() {
        assertEquals(Optional.of(new RegistryHost.Ecr("123456789012", "eu-west-1", false, false)),
                RegistryHost.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "registry").ecr());
        assertEquals(Optional.of(new RegistryHost.Ecr("123456789012", "cn-north-1", false, false)),
                RegistryHost.parse("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", "registry").ecr());
        assertEquals(Optional.of(new RegistryHost.Ecr("123456789012", "us-gov-west-1", true, false)),
                RegistryHost.parse("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com", "registry").ecr());
        assertEquals(Optional.of(new RegistryHost.Ecr("123456789012", "us-east-1", false, true)),
                RegistryHost.parse("123456789012.dkr-ecr.us-east-1.on.aws", "registry").ecr());
        assertTrue(RegistryHost.parse("127.0.0.1:5000", "registry").ecr().isEmpty());
    }

    @Test
    void registryAsHostPortOrUrl() {
        assertEquals("127.0.0.1:5000", RegistryHost.parse("127.0.0.1:5000", "registry").address());
        assertEquals("127.0.0.1:5000", RegistryHost.parse("http://127.0.0.1:5000/", "registry").address());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com",
                RegistryHost.parse("https://123456789012.dkr.ecr.us-east-1.amazonaws.com", "registry").address());
        assertEquals("localhost", RegistryHost.parse("localhost", "registry").address());
        assertEquals("[::1]:5000", RegistryHost.parse("[::1]:5000", "registry").address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://host/path", "ftp://host", "host:99999", "user@host", "bad host", "host:0"})
    void badRegistries(String value) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RegistryHost.parse(value, "registry"));
        assertTrue(e.getMessage().startsWith("<registry> "), e.getMessage());
    }

    @Test
    void imageRefs() {
        EcrImageRef local = EcrImageRef.parse("myapp:1.0", "image");
        assertNull(local.registry());
        assertEquals("myapp", local.repository());
        assertEquals("1.0", local.tag());
        assertNull(local.registryId());

        EcrImageRef full = EcrImageRef.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:2", "image");
        assertEquals("team/app", full.repository());
        assertEquals("2", full.tag());
        assertEquals("123456789012", full.registryId());
        assertEquals("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:2", full.toString());

        String digest = "sha256:" + "b".repeat(64);
        EcrImageRef pinned = EcrImageRef.parse("127.0.0.1:5000/repo@" + digest, "image");
        assertEquals("127.0.0.1:5000", pinned.registry().address());
        assertEquals(digest, pinned.digest());
        assertNull(pinned.tag());

        EcrImageRef noTag = EcrImageRef.parse("library/app", "image");
        assertNull(noTag.registry());
        assertEquals("library/app", noTag.repository());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyApp:1", "app:-bad", "app@sha256:short", "app:", "/app", "a//b"})
    void badImageRefs(String value) {
        assertThrows(InvalidInputException.class, () -> EcrImageRef.parse(value, "image"));
    }

    @Test
    void tagsAndDigests() {
        assertEquals("v1.2_3-x", EcrImageRef.checkTag("v1.2_3-x", "tags"));
        assertEquals("<tags> '-bad' is not a valid image tag: use up to 128 letters, digits, _ . and -, not starting "
                + "with . or - (POM <tags> or -Decr.tags)",
                assertThrows(InvalidInputException.class, () -> EcrImageRef.checkTag("-bad", "tags")).getMessage());
        assertThrows(InvalidInputException.class, () -> EcrImageRef.checkTag("a".repeat(129), "tags"));
        assertThrows(InvalidInputException.class, () -> EcrImageRef.checkDigest("sha256:xyz", "digest"));
    }
}
