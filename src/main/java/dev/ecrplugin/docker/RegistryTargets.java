package dev.ecrplugin.docker;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.ecr.EcrImageRef;
import dev.ecrplugin.ecr.RegistryHost;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ECR registries a docker goal works with, checked: {@code <registryIds>} (account ids of other accounts) and
 * {@code <registry>} (where docker reaches the registry instead of the token's proxy endpoint), and for push and pull
 * the registry host a full image URI names.
 *
 * @param registryIds the registries named (12-digit account ids, trimmed, blanks dropped); empty: the caller's own
 * @param address     where docker reaches the registry, or null for the token's proxy endpoint
 */
public record RegistryTargets(List<String> registryIds, RegistryHost address) {

    /**
     * One docker login: whose ECR token, from which region, and where docker uses it.
     *
     * @param registryId the registry (account) of the token, or null for the caller's own
     * @param region     the region to ask for the token (an ECR host's region), or null for the configured region
     * @param address    where docker logs in, pushes and pulls, or null for the token's proxy endpoint
     * @param source     the setting that named {@code region}, for messages (e.g. {@code <image> '...'}), or null
     */
    public record Target(String registryId, String region, RegistryHost address, String source) {

        /**
         * The region to ask ECR in: {@code region}, or null when it is {@code configured} (or not set). An ECR host of
         * another partition than {@code configured} is refused: an AWS account, its credentials and its ECR tokens
         * belong to one partition.
         */
        public String regionApart(String configured) {
            if (region == null || region.equals(configured)) {
                return null;
            }
            String partition = RegistryHost.partitionOf(region);
            String own = RegistryHost.partitionOf(configured);
            if (!partition.equals(own)) {
                throw new InvalidInputException(source + " is in region " + region + " (partition " + partition
                        + ") but the AWS region is " + configured + " (partition " + own + "), and credentials of one "
                        + "partition do not work in another: set <region>/-Decr.region to " + region + " with "
                        + "credentials of that partition");
            }
            return region;
        }
    }

    public RegistryTargets {
        registryIds = registryIds == null ? List.of() : registryIds.stream().filter(Objects::nonNull)
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        for (String id : registryIds) {
            if (!id.matches("\\d{12}")) {
                throw new InvalidInputException("<registryIds> '" + id + "' is not an AWS account id (12 digits) "
                        + "(POM <registryIds> or -Decr.registryIds)");
            }
        }
    }

    /** From the goals' settings as written: {@code registry} may be null or blank (no override). */
    public static RegistryTargets of(List<String> registryIds, String registry) {
        return new RegistryTargets(registryIds,
                registry == null || registry.isBlank() ? null : RegistryHost.parse(registry, "registry"));
    }

    /** The registries to log in to: each one named, or a single null for the caller's own. */
    public List<String> each() {
        if (registryIds.size() > 1 && address != null) {
            throw new InvalidInputException("<registry> can stand for one registry only, but <registryIds> names "
                    + registryIds.size() + ": log in to them one at a time, or remove <registry>");
        }
        return registryIds.isEmpty() ? Collections.singletonList(null) : registryIds;
    }

    /** The logins of ecr:login: one per registry named (when {@code <registry>} is an ECR host, in its region). */
    public List<Target> logins() {
        return each().stream().map(id -> resolve(id, null, null)).toList();
    }

    /**
     * The one registry a push or pull works with, or null for the caller's own.
     *
     * @param goal the goal's name, for the message when several are named
     */
    public String single(String goal) {
        if (registryIds.size() > 1) {
            throw new InvalidInputException("<registryIds> names " + registryIds.size() + " registries ("
                    + String.join(", ", registryIds) + ") but ecr:" + goal + " works with one: name one (POM "
                    + "<registryIds> or -Decr.registryIds), or run ecr:" + goal + " once per registry");
        }
        return registryIds.isEmpty() ? null : registryIds.get(0);
    }

    /**
     * Where a push or pull of {@code image} goes. A full image URI on an ECR host (any form: standard, FIPS,
     * dual-stack, China, European Sovereign Cloud, the ISO partitions) is where docker goes, with a token for that
     * host's account from that host's region; {@code <registry>} replaces only the address docker uses. A URI on a host
     * that is not ECR's needs {@code <registry>} naming that same host (a pull-through proxy or a DNS alias).
     *
     * @param image     the image as the user wrote it (a registry host or none)
     * @param goal      the goal's name, for messages
     * @param parameter the setting {@code image} came from, for messages
     */
    public Target target(EcrImageRef image, String goal, String parameter) {
        String id = single(goal);
        RegistryHost named = image.registry();
        if (named == null) {
            return resolve(id, null, null);
        }
        if (named.ecr().isEmpty()) {
            if (address == null) {
                throw new InvalidInputException("<" + parameter + "> '" + image + "' names registry "
                        + named.address() + ", which is not an Amazon ECR registry host (<account>.dkr.ecr.<region>."
                        + "amazonaws.com, or its FIPS, dual-stack, China or other partition form): to reach ECR "
                        + "through a pull-through proxy or a DNS alias, set <registry>" + named.address()
                        + "</registry> (-Decr.registry=" + named.address() + "); else write the image's ECR URI, or "
                        + "its repository without a registry" + ("push".equals(goal) ? "; or, to push this local image "
                        + "into an ECR repository, set <repositoryName> (-Decr.repositoryName)" : ""));
            }
            if (!named.equals(address)) {
                throw new InvalidInputException("<" + parameter + "> '" + image + "' names registry "
                        + named.address() + " but <registry> is " + address.address() + ": make them agree (POM "
                        + "<registry> or -Decr.registry), or write the image without a registry");
            }
            return resolve(id, null, null);
        }
        return resolve(id, named, "<" + parameter + "> '" + image + "'");
    }

    /**
     * Where push's {@code <image>} goes. It names a <em>local</em> image: one named after a registry that is not
     * ECR's ({@code ghcr.io/team/app:1}, as jib or buildx name images) is only a local name when
     * {@code <repositoryName>} says where it goes and no {@code <registry>} is set; otherwise as {@link #target}.
     *
     * @param repositoryNamed {@code <repositoryName>} is set
     */
    public Target pushTarget(EcrImageRef image, boolean repositoryNamed) {
        RegistryHost named = image.registry();
        if (named != null && named.ecr().isEmpty() && address == null && repositoryNamed) {
            return resolve(single("push"), null, null);
        }
        return target(image, "push", "image");
    }

    /** The target for registry {@code id}, the ECR host an image names ({@code named}, or null) and {@code <registry>}. */
    private Target resolve(String id, RegistryHost named, String namedBy) {
        Optional<RegistryHost.Ecr> fromImage = named == null ? Optional.empty() : named.ecr();
        Optional<RegistryHost.Ecr> fromRegistry = address == null ? Optional.empty() : address.ecr();
        if (fromImage.isPresent() && fromRegistry.isPresent() && !sameRegistry(fromImage.get(), fromRegistry.get())) {
            throw new InvalidInputException(namedBy + " is in ECR registry " + fromImage.get().accountId()
                    + " in " + fromImage.get().region() + ", but <registry> " + address.address() + " is registry "
                    + fromRegistry.get().accountId() + " in " + fromRegistry.get().region() + ": make them agree (POM "
                    + "<registry> or -Decr.registry), or remove <registry>");
        }
        if (fromImage.isEmpty()) {
            // <registry> alone names where docker goes, and for an ECR host the token's region; the token's registry
            // stays <registryIds>' (or the caller's), as before host forms were read
            return new Target(id, fromRegistry.map(RegistryHost.Ecr::region).orElse(null), address,
                    fromRegistry.isPresent() ? "<registry> '" + address + "'" : null);
        }
        String account = fromImage.get().accountId();
        if (id != null && !id.equals(account)) {
            throw new InvalidInputException(namedBy + " is in ECR registry " + account + " but <registryIds> names "
                    + id + ": remove one of them, or make them agree");
        }
        return new Target(account, fromImage.get().region(), address != null ? address : named, namedBy);
    }

    private static boolean sameRegistry(RegistryHost.Ecr a, RegistryHost.Ecr b) {
        return a.accountId().equals(b.accountId()) && a.region().equals(b.region());
    }
}
