package dev.cogform.core.refresh;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.PoolSchema;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SecretDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What refresh saw. {@code poolIds} maps pool keys (of the YAML and of the state) to resolved pool
 * ids; {@code listings} maps pool ids to their clients. {@code managed} has one entry per managed
 * address that was read: a present value is the live client, an empty one means Cognito said it does
 * not exist; an address with no entry could not be read (a diagnostic says why) and is never treated
 * as deleted. {@code candidates} are unmanaged clients, by client id, described because a pending
 * create may have made them. {@code refreshed} is false when the snapshot was built from state alone.
 * {@code unread} says why each unread managed address failed, {@code unlisted} why each pool id could
 * not be listed (both as {@link GatewayError} kinds, for reports that classify failures; the
 * diagnostics carry the messages). {@code schemas} maps pool ids to the attribute schemas read for
 * the pools whose clients name attribute permissions.
 * {@code secrets} holds the secrets (ids and dates) of the managed
 * clients that rotate theirs, listed only for those.
 */
public record LiveSnapshot(boolean refreshed, Map<String, String> poolIds, Map<String, List<ClientSummary>> listings,
                           Map<ClientAddress, Optional<LiveClient>> managed, Map<String, LiveClient> candidates,
                           List<Diagnostic> diagnostics, Map<ClientAddress, GatewayError> unread,
                           Map<String, GatewayError> unlisted, Map<String, PoolSchema> schemas,
                           Map<ClientAddress, List<SecretDescriptor>> secrets) {

    public LiveSnapshot {
        poolIds = Map.copyOf(poolIds);
        listings = Map.copyOf(listings);
        managed = java.util.Collections.unmodifiableMap(new TreeMap<>(managed));
        candidates = Map.copyOf(candidates);
        schemas = Map.copyOf(schemas);
        diagnostics = List.copyOf(diagnostics);
        unread = Map.copyOf(unread);
        unlisted = Map.copyOf(unlisted);
        secrets = Map.copyOf(secrets);
    }

    /** The secrets listed for this managed address (oldest first); empty when they were not listed. */
    public Optional<List<SecretDescriptor>> secrets(ClientAddress address) {
        return Optional.ofNullable(secrets.get(address));
    }

    /** A snapshot without pool schemas and secret listings. */
    public LiveSnapshot(boolean refreshed, Map<String, String> poolIds, Map<String, List<ClientSummary>> listings,
                        Map<ClientAddress, Optional<LiveClient>> managed, Map<String, LiveClient> candidates,
                        List<Diagnostic> diagnostics, Map<ClientAddress, GatewayError> unread,
                        Map<String, GatewayError> unlisted) {
        this(refreshed, poolIds, listings, managed, candidates, diagnostics, unread, unlisted, Map.of(), Map.of());
    }

    /** A snapshot without classified failures or pool schemas. */
    public LiveSnapshot(boolean refreshed, Map<String, String> poolIds, Map<String, List<ClientSummary>> listings,
                        Map<ClientAddress, Optional<LiveClient>> managed, Map<String, LiveClient> candidates,
                        List<Diagnostic> diagnostics) {
        this(refreshed, poolIds, listings, managed, candidates, diagnostics, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The required attributes Cognito makes writable in this pool; empty when its schema was not read. */
    public Set<String> requiredWritable(String poolId) {
        PoolSchema schema = schemas.get(poolId);
        return schema == null ? Set.of() : schema.requiredWritable();
    }

    /** The resolved id of the pool with this key, or null when it could not be resolved. */
    public String poolId(String poolKey) {
        return poolIds.get(poolKey);
    }

    /** Whether this address was read (either found or confirmed missing). */
    public boolean known(ClientAddress address) {
        return managed.containsKey(address);
    }

    /** The live client at this address; empty when missing or unknown (see {@link #known}). */
    public Optional<LiveClient> client(ClientAddress address) {
        return managed.getOrDefault(address, Optional.empty());
    }

    /** The clients listed in this pool; empty when the pool was not listed. */
    public List<ClientSummary> listing(String poolId) {
        return listings.getOrDefault(poolId, List.of());
    }
}
