package dev.ecrplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Partitions: the SDK's partition table, by region pattern, as PartitionMetadata.of would answer for these. */
class PartitionsTest {

    @ParameterizedTest
    @CsvSource({"us-east-1, aws, amazonaws.com", "eu-west-1, aws, amazonaws.com", "cn-north-1, aws-cn, amazonaws.com.cn",
        "us-gov-west-1, aws-us-gov, amazonaws.com", "eusc-de-east-1, aws-eusc, amazonaws.eu",
        "us-iso-east-1, aws-iso, c2s.ic.gov", "us-isob-east-1, aws-iso-b, sc2s.sgov.gov",
        "xx-nowhere-9, aws, amazonaws.com"})
    void regionToPartition(String region, String id, String dnsSuffix) {
        assertEquals(id, Partitions.of(region).id());
        assertEquals(dnsSuffix, Partitions.of(region).dnsSuffix());
        assertEquals(software.amazon.awssdk.regions.PartitionMetadata.of(
                software.amazon.awssdk.regions.Region.of(region)).id(), Partitions.of(region).id());
    }
}
