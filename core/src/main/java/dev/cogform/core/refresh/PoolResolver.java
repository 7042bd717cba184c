package dev.cogform.core.refresh;

import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.PoolSummary;
import java.util.List;
import java.util.Optional;

/**
 * Turns a pool name from the YAML into a pool id. The default looks it up; the sandbox wiring passes
 * one that creates the pool when it is missing.
 */
@FunctionalInterface
public interface PoolResolver {

    /** The id of the pool named {@code name}, or empty when there is none. */
    Optional<String> poolId(String name);

    /**
     * Looks names up in one listing of the account's pools, made at the first lookup and kept for the
     * resolver's life (one command): a stack naming ten pools would otherwise list them ten times,
     * against ListUserPools' quota. A failed listing fails every lookup alike, without listing again.
     */
    static PoolResolver lookup(CognitoGateway gateway) {
        return new PoolResolver() {
            private List<PoolSummary> pools;
            private GatewayException failure;

            @Override
            public synchronized Optional<String> poolId(String name) {
                if (pools == null && failure == null) {
                    try {
                        pools = gateway.listPools();
                    } catch (GatewayException e) {
                        failure = e;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return PoolSummary.idNamed(pools, name);
            }
        };
    }
}
