package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
import java.time.Instant;

/**
 * A live client in a managed pool that no address manages. {@code created} is null when the server
 * gives no date or the client could not be described; {@code secret} and {@code clientCredentials}
 * (null when not described) make it high severity together: a machine credential nobody reviews.
 */
public record UnmanagedFinding(String poolKey, String poolId, String clientId, String name, Instant created,
                               Boolean secret, Boolean clientCredentials, DriftSeverity severity, String rule,
                               BaselineState baseline) {

    public String key() {
        return "unmanaged:" + poolId + ":" + clientId;
    }

    public String fingerprint() {
        return key() + "=" + name + ":" + severity.word();
    }

    UnmanagedFinding withBaseline(BaselineState b) {
        return new UnmanagedFinding(poolKey, poolId, clientId, name, created, secret, clientCredentials, severity, rule, b);
    }
}
