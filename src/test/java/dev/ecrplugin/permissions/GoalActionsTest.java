package dev.ecrplugin.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.policy.EcrActions;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@link GoalActions} no SDK recording can check: what docker asks of ECR's registry API (the AWS ECR
 * User Guide, "Required IAM permissions for pushing an image" and for pulling one), and that every ECR action named
 * is one ECR has.
 */
class GoalActionsTest {

    @Test
    void dockerPushNeedsWhatAwsDocumentsForAPush() {
        assertEquals(Set.of("ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
                "ecr:PutImage", "ecr:UploadLayerPart"), GoalActions.actions("push", GoalActions.Kind.DOCKER));
    }

    @Test
    void dockerPullNeedsWhatAwsDocumentsForAPull() {
        assertEquals(Set.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                GoalActions.actions("pull", GoalActions.Kind.DOCKER));
    }

    @Test
    void everyGoalThatRunsDockerAlsoAsksForTheToken() {
        for (String goal : Set.of("login", "push", "pull")) {
            assertTrue(GoalActions.actions(goal, GoalActions.Kind.SDK).contains("ecr:GetAuthorizationToken"), goal);
        }
    }

    @Test
    void everyEcrActionIsOneEcrHas() {
        for (String goal : GoalActions.goals()) {
            for (GoalActions.Call call : GoalActions.calls(goal)) {
                for (String action : call.actions()) {
                    if (action.startsWith("ecr:")) {
                        assertTrue(EcrActions.ALL.contains(action.substring(4)), goal + ": " + action);
                    }
                }
            }
        }
    }
}
