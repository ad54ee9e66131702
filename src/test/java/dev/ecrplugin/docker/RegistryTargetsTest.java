package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.ecr.EcrImageRef;
import dev.ecrplugin.ecr.RegistryHost;
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

    private static final String STANDARD = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String FIPS = "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com";

    private static RegistryTargets.Target target(String image, List<String> registryIds, String registry) {
        return RegistryTargets.of(registryIds, registry).target(EcrImageRef.parse(image, "image"), "pull", "image");
    }

    @Test
    void anImageWithoutARegistryGoesWhereTheTokenSays() {
        assertEquals(new RegistryTargets.Target(null, null, null, null), target("app:1", null, null));
        assertEquals(new RegistryTargets.Target("111111111111", null, null, null),
                target("app:1", List.of("111111111111"), null));
        assertEquals("127.0.0.1:5000", target("app:1", null, "127.0.0.1:5000").address().address());
    }

    @Test
    void aFullUriOnAnEcrHostIsWhereDockerGoesWithThatHostsAccountAndRegion() {
        for (String host : List.of(STANDARD, FIPS, "123456789012.dkr-ecr.eu-west-1.on.aws",
                "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", "123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu")) {
            RegistryTargets.Target t = target(host + "/team/app:1", null, null);
            assertEquals(host, t.address().address());
            assertEquals("123456789012", t.registryId());
            assertEquals(RegistryHost.parse(host, "x").ecr().orElseThrow().region(), t.region());
            assertEquals("<image> '" + host + "/team/app:1'", t.source());
        }
    }

    @Test
    void registryReplacesOnlyTheAddressOfAnEcrUri() {
        RegistryTargets.Target t = target("210987654321.dkr.ecr.eu-west-1.amazonaws.com/app:1", null,
                "registry.ecr-alias.test");
        assertEquals(new RegistryTargets.Target("210987654321", "eu-west-1",
                RegistryHost.parse("registry.ecr-alias.test", "registry"),
                "<image> '210987654321.dkr.ecr.eu-west-1.amazonaws.com/app:1'"), t);
    }

    @Test
    void anEcrHostAsRegistryNamesTheTokensRegion() {
        assertEquals(List.of(new RegistryTargets.Target(null, "us-east-1", RegistryHost.parse(FIPS, "registry"),
                "<registry> '" + FIPS + "'")), RegistryTargets.of(null, FIPS).logins());
        assertEquals(List.of(new RegistryTargets.Target("210987654321", "us-east-1",
                RegistryHost.parse(FIPS, "registry"), "<registry> '" + FIPS + "'")),
                RegistryTargets.of(List.of("210987654321"), FIPS).logins());
    }

    @Test
    void aUriOnAHostThatIsNotEcrsNeedsRegistry() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> target("registry.ecr-alias.test/app:1", null, null));
        assertEquals("<image> 'registry.ecr-alias.test/app:1' names registry registry.ecr-alias.test, which is not "
                + "an Amazon ECR registry host (<account>.dkr.ecr.<region>.amazonaws.com, or its FIPS, dual-stack, "
                + "China or other partition form): to reach ECR through a pull-through proxy or a DNS alias, set "
                + "<registry>registry.ecr-alias.test</registry> (-Decr.registry=registry.ecr-alias.test); else "
                + "write the image's ECR URI, or its repository without a registry", e.getMessage());

        RegistryTargets.Target alias = target("registry.ecr-alias.test/app:1", null, "registry.ecr-alias.test");
        assertEquals(new RegistryTargets.Target(null, null, RegistryHost.parse("registry.ecr-alias.test", "r"),
                null), alias);
        assertTrue(assertThrows(InvalidInputException.class, () -> target("other.test/app:1", null,
                "registry.ecr-alias.test")).getMessage().startsWith("<image> 'other.test/app:1' names registry "
                        + "other.test but <registry> is registry.ecr-alias.test: make them agree"));
    }

    @Test
    void pushTakesALocalImageNamedAfterAnotherRegistryWhenRepositoryNameSaysWhereItGoes() {
        EcrImageRef jib = EcrImageRef.parse("ghcr.io/team/app:1", "image");
        RegistryTargets none = RegistryTargets.of(null, null);
        assertEquals(new RegistryTargets.Target(null, null, null, null), none.pushTarget(jib, true));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> none.pushTarget(jib, false));
        assertTrue(e.getMessage().endsWith("; or, to push this local image into an ECR repository, set "
                + "<repositoryName> (-Decr.repositoryName)"), e.getMessage());
        // with <registry>, the host is where docker goes, and it must agree
        RegistryTargets alias = RegistryTargets.of(null, "ghcr.io");
        assertEquals(RegistryHost.parse("ghcr.io", "r"), alias.pushTarget(jib, true).address());
        // an ECR URI stays a URI, repositoryName or not
        EcrImageRef fips = EcrImageRef.parse("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app:1", "image");
        assertEquals("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com", none.pushTarget(fips, true).address().address());
    }

    @Test
    void disagreementsAreRefused() {
        assertTrue(assertThrows(InvalidInputException.class, () -> target(STANDARD + "/app:1",
                List.of("210987654321"), null)).getMessage().contains("is in ECR registry 123456789012 but "
                        + "<registryIds> names 210987654321"));
        assertEquals("<image> '" + STANDARD + "/app:1' is in ECR registry 123456789012 in us-east-1, but <registry> "
                + "210987654321.dkr.ecr.us-east-1.amazonaws.com is registry 210987654321 in us-east-1: make them "
                + "agree (POM <registry> or -Decr.registry), or remove <registry>",
                assertThrows(InvalidInputException.class, () -> target(STANDARD + "/app:1", null,
                        "210987654321.dkr.ecr.us-east-1.amazonaws.com")).getMessage());
        // FIPS and standard hosts of one registry: <registry> says where docker goes
        assertEquals(STANDARD, target(FIPS + "/app:1", null, STANDARD).address().address());
    }

    @Test
    void theTokenComesFromTheHostsRegionWithinOnePartitionOnly() {
        RegistryTargets.Target eu = target("123456789012.dkr-ecr.eu-west-1.on.aws/app:1", null, null);
        assertEquals("eu-west-1", eu.regionApart("us-east-1"));
        assertNull(eu.regionApart("eu-west-1"));
        assertNull(target("app:1", null, null).regionApart("us-east-1"));
        RegistryTargets.Target china = target("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1", null, null);
        assertEquals("cn-northwest-1", target("123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn/app:1", null,
                null).regionApart("cn-north-1"));
        assertEquals("<image> '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1' is in region cn-north-1 "
                + "(partition aws-cn) but the AWS region is us-east-1 (partition aws), and credentials of one "
                + "partition do not work in another: set <region>/-Decr.region to cn-north-1 with credentials of "
                + "that partition", assertThrows(InvalidInputException.class, () -> china.regionApart("us-east-1"))
                        .getMessage());
    }
}
