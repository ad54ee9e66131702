package dev.ecrplugin.aws;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link AwsClients} may prepare on background threads while the first goal resolves credentials: the clients
 * of the build's services, and the caller's account when that goal needs it first of all (the account costs an STS
 * client and a call; built beside the goal's own client, the two overlap on two cores).
 *
 * @param services the services the build's goals call, the first goal's first
 * @param account  whether to ask the account ahead ({@link AwsClients#accountId()})
 */
public record Ahead(Set<AwsService> services, boolean account) {

    /** Nothing ahead: every client is built when a goal asks for it. */
    public static final Ahead NOTHING = new Ahead(Set.of(), false);

    public Ahead {
        services = Collections.unmodifiableSet(new LinkedHashSet<>(services)); // in order: the first goal's first
    }
}
