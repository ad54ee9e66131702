package dev.ecrplugin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared IAM fixtures do what the tests that use them rely on. */
@ExtendWith(MotoAuthOff.class)
@NeedsStack
class IamFixturesTest {

    @Test
    void userWithKeySignsAsThatUserAndIsDeletedWithItsInlinePolicy() {
        IamFixtures.UserWithKey user = IamFixtures.userWithKey("it-fixtures-user",
                IamFixtures.allowing("sts:GetCallerIdentity"));
        assertEquals("arn:aws:iam::123456789012:user/it-fixtures-user", user.arn());
        assertEquals(List.of(user.accessKeyId()), IamFixtures.accessKeyIds("it-fixtures-user"));
        // with enforcement on: a wrong secret would fail the signature check
        assertEquals(user.arn(), IamFixtures.callerArn(user.accessKeyId(), user.secretAccessKey()));

        IamFixtures.UserWithKey again = IamFixtures.userWithKey("it-fixtures-user", IamFixtures.LOGIN_ONLY);
        assertFalse(again.accessKeyId().equals(user.accessKeyId()), "a fresh user, with a new key");
        IamFixtures.deleteUser("it-fixtures-user");
        assertFalse(IamFixtures.userExists("it-fixtures-user"));
    }

    @Test
    void policyInspection() {
        LocalStack.deletePolicy("it-fixtures-policy");
        assertFalse(IamFixtures.policyExists("it-fixtures-policy"));
        String arn = IamFixtures.ensurePolicy("it-fixtures-policy");
        assertEquals(LocalStack.policyArn("it-fixtures-policy"), arn);
        assertTrue(IamFixtures.policyExists("it-fixtures-policy"));
        assertEquals("v1", IamFixtures.defaultVersion("it-fixtures-policy"));
        assertEquals(java.util.Map.of("v1", true), IamFixtures.policyVersions("it-fixtures-policy"));
        assertTrue(IamFixtures.policyDocument("it-fixtures-policy", "v1").contains("\"ecr:GetAuthorizationToken\""));
        LocalStack.deletePolicy("it-fixtures-policy");
    }
}
