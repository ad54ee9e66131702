package dev.ecrplugin.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every ECR registry host form, and hosts that only look like one. */
class RegistryHostTest {

    @ParameterizedTest
    @CsvSource({
            "123456789012.dkr.ecr.us-east-1.amazonaws.com, us-east-1, false, false",
            "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com, us-east-1, true, false",
            "123456789012.dkr-ecr.eu-west-1.on.aws, eu-west-1, false, true",
            "123456789012.dkr-ecr-fips.us-east-1.on.aws, us-east-1, true, true",
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn, cn-north-1, false, false",
            "123456789012.dkr-ecr.cn-northwest-1.on.amazonwebservices.com.cn, cn-northwest-1, false, true",
            "123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu, eusc-de-east-1, false, false",
            "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com, us-gov-west-1, true, false",
            "123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov, us-iso-east-1, false, false",
            "123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov, us-isob-east-1, false, false",
            "123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk, eu-isoe-west-1, false, false",
            "123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov, us-isof-south-1, false, false",
            "123456789012.DKR.ECR.EU-WEST-1.AMAZONAWS.COM, eu-west-1, false, false",
    })
    void ecrHostForms(String host, String region, boolean fips, boolean dualStack) {
        assertEquals(Optional.of(new RegistryHost.Ecr("123456789012", region, fips, dualStack)),
                RegistryHost.parse(host, "registry").ecr());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "registry.ecr-alias.test", "127.0.0.1:5000", "localhost",
            "12345678901.dkr.ecr.us-east-1.amazonaws.com", // 11 digits
            "123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.test",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com.cn", // a region of aws on China's domain
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com", // and the other way round
            "123456789012.dkr.ecr.eusc-de-east-1.amazonaws.com",
            "123456789012.dkr-ecr.cn-north-1.on.aws",
            "123456789012.dkr-ecr.eusc-de-east-1.on.aws",
            "123456789012.dkr.ecr.us-east.amazonaws.com",
            "api.ecr.us-east-1.amazonaws.com"})
    void notEcrHosts(String host) {
        assertTrue(RegistryHost.parse(host, "registry").ecr().isEmpty(), host);
    }

    @ParameterizedTest
    @CsvSource({"us-east-1, aws", "cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov", "eusc-de-east-1, aws-eusc",
            "us-isob-east-1, aws-iso-b"})
    void partitions(String region, String partition) {
        assertEquals(partition, RegistryHost.partitionOf(region));
    }
}
