package dev.cogform.core.state;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import java.time.Instant;

/**
 * One managed client: which Cognito client the address stands for, the canonical settings last
 * applied (never the secret), the fingerprint of the live client as last read, whether
 * {@code prevent_destroy} was in force, and when it was applied.
 */
public record ClientRecord(ClientAddress address, String poolId, String clientId, String clientName,
                           AppClientSettings applied, String liveFingerprint, boolean preventDestroy,
                           Instant appliedAt) {
}
