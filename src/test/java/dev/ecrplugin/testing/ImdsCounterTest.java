package dev.ecrplugin.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The control for the tutorial example's "no request to the instance metadata service": the stand-in does count
 * what the AWS SDK's own metadata client sends when pointed at it the way the example points it (the SDK's endpoint
 * setting, here its system property; the example uses the environment variable of the same setting).
 */
@NeedsStack
class ImdsCounterTest {

    @AfterEach
    void clear() {
        System.clearProperty("aws.ec2MetadataServiceEndpoint");
    }

    @Test
    void theSdksMetadataClientIsCounted() {
        ImdsCounter.reset();
        System.setProperty("aws.ec2MetadataServiceEndpoint", ImdsCounter.endpoint());
        try (InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.create()) {
            assertThrows(SdkClientException.class, provider::resolveCredentials);
        }
        assertTrue(ImdsCounter.requests().stream().anyMatch(r -> r.startsWith("PUT /latest/api/token")
                || r.startsWith("GET /latest/meta-data/")), ImdsCounter.requests().toString());
    }
}
