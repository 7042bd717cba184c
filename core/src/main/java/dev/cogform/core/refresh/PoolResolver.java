package dev.cogform.core.refresh;

import dev.cogform.core.live.CognitoGateway;
import java.util.Optional;

/**
 * Turns a pool name from the YAML into a pool id. The default looks it up; the sandbox wiring passes
 * one that creates the pool when it is missing.
 */
@FunctionalInterface
public interface PoolResolver {

    /** The id of the pool named {@code name}, or empty when there is none. */
    Optional<String> poolId(String name);

    static PoolResolver lookup(CognitoGateway gateway) {
        return gateway::findPoolIdByName;
    }
}
