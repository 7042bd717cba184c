package dev.cogform.core.plan;

import dev.cogform.core.model.AppClientSettings;
import java.util.Objects;

/**
 * The client an address stands for before a change, as the plan saw it. {@code settings} are the live
 * ones (the recorded ones when planned with {@code --refresh=false}, or when the client is already
 * gone). {@code liveFingerprint} lets a saved plan refuse a client that changed since; it is null only
 * for a client already gone, where there is nothing live to compare.
 */
public record PriorClient(String poolId, String clientId, AppClientSettings settings, String liveFingerprint) {

    public PriorClient {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(settings, "settings");
    }
}
