package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ecrplugin.core.EcrPluginException;
import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.OperationFailedException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** How {@link AwsErrors} reads HTTP answers that did not come from AWS. */
class AwsErrorsTest {

    static final String PROXY_REFUSED = "ecr:push: the HTTP proxy refused the proxy credentials (HTTP %d from the "
            + "proxy, not from AWS). Fix the <username>/<password> of the active <proxy> in settings.xml, or list the "
            + "AWS endpoint's host in its <nonProxyHosts> to reach it directly";

    @Test
    void a407IsTheProxyRefusingItsCredentialsWhateverElseItCarries() {
        assertProxyRefused(407, SdkServiceException.builder().statusCode(407).build());
        assertProxyRefused(407, answer(407, null));
        assertProxyRefused(407, answer(407, "9f3c2a1e-0000-4000-8000-000000000000"));
    }

    @Test
    void a401WithoutAnAwsRequestIdIsTheProxyRefusingItsCredentials() {
        // tinyproxy refuses wrong credentials with 401; ECR, IAM and STS never answer 401 themselves
        assertProxyRefused(401, SdkServiceException.builder().statusCode(401).build());
        assertProxyRefused(401, answer(401, null));
        assertProxyRefused(401, answer(401, " "));
    }

    @Test
    void a401WithAnAwsRequestIdAndOtherStatusesWithoutOneStayAwsAnswers() {
        EcrPluginException fromAws =
                AwsErrors.translate("ecr:push", answer(401, "9f3c2a1e-0000-4000-8000-000000000000"));
        assertInstanceOf(OperationFailedException.class, fromAws);
        assertEquals("ecr:push: Ecr answered HTTP 401 (HTTP 401)", fromAws.getMessage());

        EcrPluginException forbidden = AwsErrors.translate("ecr:push", answer(403, null));
        assertInstanceOf(OperationFailedException.class, forbidden);
        assertEquals("ecr:push: Ecr answered HTTP 403 (HTTP 403)", forbidden.getMessage());
    }

    private static void assertProxyRefused(int status, SdkServiceException e) {
        EcrPluginException translated = AwsErrors.translate("ecr:push", e);
        assertInstanceOf(InvalidInputException.class, translated);
        assertEquals(PROXY_REFUSED.formatted(status), translated.getMessage());
    }

    /** An answer as the SDK reports it: a status code, no error code, and the request id AWS sends, if any. */
    private static AwsServiceException answer(int status, String requestId) {
        return AwsServiceException.builder().statusCode(status).requestId(requestId)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Ecr").build()).build();
    }
}
