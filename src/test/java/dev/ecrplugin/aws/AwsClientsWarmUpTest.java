package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.testing.RecordingReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Building clients ahead: on a thread of its own, each once, whoever asks first; no call is made (the endpoint is a
 * port nothing listens on, and building a client never touches the network).
 */
class AwsClientsWarmUpTest {

    private final RecordingReporter reporter = new RecordingReporter();

    private AwsClients clients() {
        AwsSettings settings = AwsSettings.of("us-east-1", null, "http://127.0.0.1:9")
                .withCredentials(new StaticCredentials("test keys", "AKIAWARMUPTEST000000", "not-a-secret", null));
        return AwsClients.create(settings, reporter, null, Set.of());
    }

    @Test
    void theClientsOfTheBuildAreBuiltAheadOnceAndHandedToTheGoal() throws Exception {
        try (AwsClients aws = clients()) {
            int before = aws.built();
            Thread warm = aws.warmUp(Set.of(AwsService.ECR, AwsService.IAM), reporter);
            assertTrue(warm.isDaemon());
            warm.join(60_000);
            assertEquals(before + 2, aws.built(), "ECR and IAM built on the warm-up thread");
            EcrClient ecr = aws.ecr();
            aws.iam();
            assertEquals(before + 2, aws.built(), "the goal gets them, nothing is built twice");
            assertSame(ecr, aws.ecr());
            aws.sts();
            assertEquals(before + 3, aws.built(), "what was not warmed is built when asked");
        }
    }

    @Test
    void aGoalAskingWhileTheWarmUpBuildsGetsTheSameClient() throws Exception {
        try (AwsClients aws = clients()) {
            CountDownLatch go = new CountDownLatch(1);
            List<EcrClient> seen = new ArrayList<>();
            List<Thread> askers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    EcrClient c = aws.ecr();
                    synchronized (seen) {
                        seen.add(c);
                    }
                });
                t.start();
                askers.add(t);
            }
            int before = aws.built();
            Thread warm = aws.warmUp(Set.of(AwsService.ECR), reporter);
            go.countDown();
            warm.join(60_000);
            for (Thread t : askers) {
                t.join(60_000);
            }
            assertEquals(4, seen.size());
            seen.forEach(c -> assertSame(seen.get(0), c));
            assertEquals(before + 1, aws.built());
        }
    }

    @Test
    void nothingToWarmStartsNoThreadAndAClosedSessionClosesWhatIsFinishedLate() throws Exception {
        AwsClients aws = clients();
        assertNull(aws.warmUp(Set.of(), reporter));
        aws.close();
        int afterClose = aws.built();
        aws.warmUp(Set.of(AwsService.ECR), reporter).join(60_000);
        assertEquals(afterClose, aws.built(), "built after close: closed at once, not held");
    }
}
