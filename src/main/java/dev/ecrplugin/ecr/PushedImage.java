package dev.ecrplugin.ecr;

/**
 * An image this build's ecr:push pushed to a repository: what ecr:tag tags and ecr:scan scans when no image is named.
 *
 * @param registryId the registry (account) pushed to, or null for the caller's own
 * @param digest     the image's digest
 */
public record PushedImage(String registryId, String digest) {}
