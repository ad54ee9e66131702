package dev.ecrplugin.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.testing.RecordingReporter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ecr:pull's settings become, and what reaches docker. */
class PullServiceTest {

    private static final String DIGEST = "sha256:" + "c".repeat(64);
    private static final String FIPS = "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com";

    @Test
    void aFullImageUriNamesHostRepositoryAndTagOrDigest() {
        PullService.Request byTag = PullService.Request.of(FIPS + "/team/app:1.0", null, null, null, null);
        assertEquals(FIPS, byTag.registry().address());
        assertEquals("team/app", byTag.repositoryName());
        assertEquals("1.0", byTag.tag());
        assertEquals(FIPS + "/team/app:1.0", byTag.image().toString());

        PullService.Request byDigest = PullService.Request.of(FIPS + "/app@" + DIGEST, null, "", " ", "local:1");
        assertEquals(DIGEST, byDigest.digest());
        assertNull(byDigest.tag());
        assertEquals("local:1", byDigest.targetImage().toString());
        assertEquals(FIPS + "/app@" + DIGEST, byDigest.image().toString());
    }

    @Test
    void aRepositoryWithATagOrTheOldSettings() {
        PullService.Request image = PullService.Request.of("app", null, null, DIGEST, null);
        assertNull(image.registry());
        assertEquals(DIGEST, image.digest());
        assertEquals("latest", PullService.Request.of("app", null, null, null, null).tag());
        assertEquals("2", PullService.Request.of(null, "app", "2", null, null).tag());
        assertEquals("2", PullService.Request.of("app:2", null, "2", null, null).tag(), "agreeing is fine");
        PullService.Request both = PullService.Request.of("myapp:1.0", "team/app", null, null, null);
        assertEquals("team/app", both.repositoryName(), "repositoryName wins over a plugin-wide <image>");
        assertEquals("latest", both.tag());
    }

    @Test
    void contradictionsAreRefused() {
        assertEquals("Name the image to pull: <image>/-Decr.image (a full ECR image URI such as "
                + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0, or app:1.0), or "
                + "<repositoryName>/-Decr.repositoryName with <tag> or <digest>", assertThrows(
                        InvalidInputException.class, () -> PullService.Request.of(" ", null, "1", null, null))
                .getMessage());
        assertEquals("<image> 'app:1' names tag 1 but <tag> is 2: remove <tag>/<digest> (-Decr.tag, -Decr.digest), "
                + "or make them agree", assertThrows(InvalidInputException.class,
                        () -> PullService.Request.of("app:1", null, "2", null, null)).getMessage());
        assertThrows(InvalidInputException.class, () -> PullService.Request.of("app:1", null, null, DIGEST, null));
        assertThrows(InvalidInputException.class, () -> PullService.Request.of("app:1@" + DIGEST, null, null, null,
                null));
        assertThrows(InvalidInputException.class, () -> PullService.Request.of("App:1", null, null, null, null));
    }

    @Test
    void dockerPullsFromTheHostLoggedInTo() {
        DockerCliTest.RecordingRunner runner = new DockerCliTest.RecordingRunner();
        runner.answer(0, "1.0: Pulling from team/app\nDigest: " + DIGEST + "\n");
        RecordingReporter reporter = new RecordingReporter();
        DockerCli docker = new DockerCli(new DockerCli.Options("docker", Duration.ofSeconds(30), 0, null), runner,
                reporter, d -> { });

        PullService.Result result = new PullService(docker, reporter).pull(
                PullService.Request.of(FIPS + "/team/app:1.0", null, null, null, null),
                new LoginService.Login(FIPS, "123456789012"));

        assertEquals(List.of("docker", "pull", FIPS + "/team/app:1.0"), runner.commands.get(0).argv());
        assertEquals(FIPS + "/team/app:1.0", result.ref());
        assertEquals(DIGEST, result.digest());
    }
}
