package dev.cogform.core.plan;

import java.util.Objects;

/** A client the state records but Cognito no longer has: what a re-create stands in for. */
public record DeletedClient(String poolId, String clientId) {

    public DeletedClient {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(clientId, "clientId");
    }
}
