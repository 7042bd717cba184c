package dev.cogform.core.state;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SecretDescriptor;
import java.time.Instant;
import java.util.List;

/**
 * One managed client: which Cognito client the address stands for, the canonical settings last
 * applied (never the secret), the fingerprint of the live client as last read, whether
 * {@code prevent_destroy} was in force, and when it was applied. {@code secrets} are the client
 * secrets' ids and creation dates, oldest first, as last seen by a secret rotation (empty until the
 * client's first rotation step); never their values.
 */
public record ClientRecord(ClientAddress address, String poolId, String clientId, String clientName,
                           AppClientSettings applied, String liveFingerprint, boolean preventDestroy,
                           Instant appliedAt, List<SecretDescriptor> secrets) {

    public ClientRecord {
        secrets = SecretDescriptor.sorted(secrets == null ? List.of() : secrets);
    }

    /** A record with no secrets recorded. */
    public ClientRecord(ClientAddress address, String poolId, String clientId, String clientName,
                        AppClientSettings applied, String liveFingerprint, boolean preventDestroy, Instant appliedAt) {
        this(address, poolId, clientId, clientName, applied, liveFingerprint, preventDestroy, appliedAt, List.of());
    }

    /** The same record with these secrets. */
    public ClientRecord withSecrets(List<SecretDescriptor> newSecrets) {
        return new ClientRecord(address, poolId, clientId, clientName, applied, liveFingerprint, preventDestroy,
                appliedAt, newSecrets);
    }
}
