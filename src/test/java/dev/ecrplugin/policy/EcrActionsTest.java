package dev.ecrplugin.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcrActionsTest {

    @Test
    void knowsEveryActionOfTheTutorialAndNoDuplicates() {
        for (String a : new String[] {"GetDownloadUrlForLayer", "PutImage", "InitiateLayerUpload", "UploadLayerPart",
                "CompleteLayerUpload", "DescribeRepositories", "GetRepositoryPolicy", "ListImages", "DeleteRepository",
                "BatchDeleteImage", "SetRepositoryPolicy", "DeleteRepositoryPolicy", "GetAuthorizationToken",
                "BatchCheckLayerAvailability", "BatchGetImage", "ReplicateImage", "BatchImportUpstreamImage"}) {
            assertTrue(EcrActions.matchesKnown(a), a);
        }
        assertEquals(EcrActions.ALL.size(), new HashSet<>(EcrActions.ALL).size());
    }

    @Test
    void wildcardsMatchCaseInsensitively() {
        assertTrue(EcrActions.matchesKnown("*"));
        assertTrue(EcrActions.matchesKnown("get*"));
        assertTrue(EcrActions.matchesKnown("Batch???Image"));
        assertFalse(EcrActions.matchesKnown("Fetch*"));
        assertFalse(EcrActions.matchesKnown("Get"));
    }

    @Test
    void suggestsTheClosestOnlyWhenClose() {
        assertEquals(Optional.of("GetAuthorizationToken"), EcrActions.closest("getauthorizatontoken"));
        assertEquals(Optional.of("DescribeRepositories"), EcrActions.closest("DescribeRepository"));
        assertEquals(Optional.empty(), EcrActions.closest("SomethingCompletelyDifferentAndVeryLong"));
    }
}
