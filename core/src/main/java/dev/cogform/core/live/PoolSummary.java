package dev.cogform.core.live;

import java.util.List;
import java.util.Optional;

/** One entry of {@code ListUserPools}. */
public record PoolSummary(String id, String name) {

    /**
     * The id of the one pool of {@code pools} named {@code name}; empty when none. Several pools may
     * share a name in Cognito, and then the name identifies none of them.
     */
    public static Optional<String> idNamed(List<PoolSummary> pools, String name) {
        List<String> ids = pools.stream().filter(p -> name.equals(p.name())).map(PoolSummary::id).toList();
        if (ids.size() > 1) {
            throw new GatewayException(GatewayError.OTHER, ids.size() + " user pools are named \"" + name + "\" ("
                    + String.join(", ", ids) + "); refer to the pool by id instead of by name");
        }
        return ids.stream().findFirst();
    }
}
