package dev.ecrplugin.docker;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.ecr.RegistryHost;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The ECR registries a docker goal works with, checked: {@code <registryIds>} (account ids of other accounts) and
 * {@code <registry>} (where docker reaches the registry instead of the token's proxy endpoint).
 *
 * @param registryIds the registries named (12-digit account ids, trimmed, blanks dropped); empty: the caller's own
 * @param address     where docker reaches the registry, or null for the token's proxy endpoint
 */
public record RegistryTargets(List<String> registryIds, RegistryHost address) {

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
}
