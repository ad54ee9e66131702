package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecrplugin.core.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked form of {@code <registryIds>} and {@code <registry>}. */
class RegistryTargetsTest {

    @Test
    void noRegistryIdsMeansTheCallersOwn() {
        RegistryTargets targets = RegistryTargets.of(null, " ");
        assertEquals(Arrays.asList((String) null), targets.each());
        assertNull(targets.single("push"));
        assertNull(targets.address());
    }

    @Test
    void blanksAndRepeatsAreDropped() {
        RegistryTargets targets = RegistryTargets.of(List.of(" 111111111111", "", "111111111111"), "127.0.0.1:5000");
        assertEquals(List.of("111111111111"), targets.each());
        assertEquals("111111111111", targets.single("pull"));
        assertEquals("127.0.0.1:5000", targets.address().address());
    }

    @Test
    void pushAndPullTakeOneRegistryOnly() {
        RegistryTargets targets = RegistryTargets.of(List.of("111111111111", "222222222222"), null);
        assertEquals(List.of("111111111111", "222222222222"), targets.each());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> targets.single("push"));
        assertEquals("<registryIds> names 2 registries (111111111111, 222222222222) but ecr:push works with one: "
                + "name one (POM <registryIds> or -Decr.registryIds), or run ecr:push once per registry",
                e.getMessage());
    }

    @Test
    void badInputIsRefused() {
        assertEquals("<registryIds> '12345' is not an AWS account id (12 digits) (POM <registryIds> or "
                + "-Decr.registryIds)", assertThrows(InvalidInputException.class,
                        () -> RegistryTargets.of(List.of("12345"), null)).getMessage());
        RegistryTargets overridden = RegistryTargets.of(List.of("111111111111", "222222222222"), "127.0.0.1:5000");
        assertEquals("<registry> can stand for one registry only, but <registryIds> names 2: log in to them one at "
                + "a time, or remove <registry>", assertThrows(InvalidInputException.class, overridden::each)
                        .getMessage());
        assertThrows(InvalidInputException.class, () -> overridden.single("pull"));
    }
}
