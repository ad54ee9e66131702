package dev.ecrplugin.aws;

import software.amazon.awssdk.regions.GeneratedPartitionMetadataProvider;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.PartitionMetadataProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS partition of a region (aws, aws-cn, aws-us-gov, aws-eusc, the ISO partitions), from the AWS SDK's
 * partition table, matched by the partitions' region patterns; a region no pattern matches counts as {@code aws}'s.
 * Not {@code PartitionMetadata.of} or {@code Region.metadata()}: they first load the SDK's metadata of every region
 * and every AWS service (about 360 classes) that the clients themselves never need, their endpoint rules carrying
 * partition data of their own.
 */
public final class Partitions {

    private static final PartitionMetadataProvider TABLE = new GeneratedPartitionMetadataProvider();

    private Partitions() {}

    public static PartitionMetadata of(String region) {
        return TABLE.partitionMetadata(Region.of(region));
    }
}
