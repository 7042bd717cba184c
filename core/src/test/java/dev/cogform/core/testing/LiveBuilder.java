package dev.cogform.core.testing;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.live.PoolSchema;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.refresh.LiveSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds {@link LiveSnapshot}s by hand for planner and view tests. */
public final class LiveBuilder {

    private final Map<String, String> poolIds = new HashMap<>();
    private final Map<String, List<ClientSummary>> listings = new HashMap<>();
    private final Map<ClientAddress, Optional<LiveClient>> managed = new HashMap<>();
    private final Map<ClientAddress, List<dev.cogform.core.model.SecretDescriptor>> secrets = new HashMap<>();
    private final Map<String, LiveClient> candidates = new HashMap<>();
    private final Map<String, PoolSchema> schemas = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<ClientAddress, dev.cogform.core.live.GatewayError> unread = new HashMap<>();
    private final Map<String, dev.cogform.core.live.GatewayError> unlisted = new HashMap<>();
    private boolean refreshed = true;

    /** A managed client whose read failed with {@code error} (not known: no entry in managed). */
    public LiveBuilder unread(String address, dev.cogform.core.live.GatewayError error) {
        unread.put(ClientAddress.parse(address), error);
        return this;
    }

    /** A pool whose listing failed with {@code error}. */
    public LiveBuilder unlisted(String poolId, dev.cogform.core.live.GatewayError error) {
        listings.remove(poolId);
        unlisted.put(poolId, error);
        return this;
    }

    public static LiveBuilder live() {
        return new LiveBuilder();
    }

    /** A pool key resolved to {@code id}, listed (empty until clients are added). */
    public LiveBuilder pool(String key, String id) {
        poolIds.put(key, id);
        listings.computeIfAbsent(id, k -> new ArrayList<>());
        return this;
    }

    /** A managed client that exists live, also listed in its pool. */
    public LiveBuilder client(String address, String poolId, String clientId, AppClientSettings settings) {
        LiveClient c = new LiveClient(poolId, clientId, settings, Instant.parse("2024-01-01T00:00:00Z"), null);
        managed.put(ClientAddress.parse(address), Optional.of(c));
        listings.computeIfAbsent(poolId, k -> new ArrayList<>())
                .add(new ClientSummary(poolId, clientId, settings.clientName()));
        return this;
    }

    /** A managed client Cognito says does not exist. */
    public LiveBuilder missing(String address) {
        managed.put(ClientAddress.parse(address), Optional.empty());
        return this;
    }

    /** A client nobody manages, listed in its pool; described when {@code created} is given or dateless. */
    public LiveBuilder unmanaged(String poolId, String clientId, AppClientSettings settings, Instant created,
                                 boolean described) {
        listings.computeIfAbsent(poolId, k -> new ArrayList<>())
                .add(new ClientSummary(poolId, clientId, settings.clientName()));
        if (described) {
            candidates.put(clientId, new LiveClient(poolId, clientId, settings, created, created));
        }
        return this;
    }

    /** The pool's attribute schema as read: the standard attributes, with {@code required} ones required. */
    public LiveBuilder schema(String poolId, String... required) {
        Set<String> all = new java.util.TreeSet<>(Set.of(required));
        all.add(PoolSchema.SUB);
        schemas.put(poolId, new PoolSchema(FakeCognitoGateway.STANDARD_ATTRIBUTES, all));
        return this;
    }

    public LiveBuilder diagnostic(Diagnostic d) {
        diagnostics.add(d);
        return this;
    }

    public LiveBuilder fromState() {
        refreshed = false;
        return this;
    }

    /** The secrets ListUserPoolClientSecrets gives for a managed client. */
    public LiveBuilder secrets(String address, dev.cogform.core.model.SecretDescriptor... listed) {
        secrets.put(ClientAddress.parse(address), List.of(listed));
        return this;
    }

    public LiveSnapshot build() {
        return new LiveSnapshot(refreshed, poolIds, listings, managed, candidates, diagnostics, unread, unlisted, schemas,
                refreshed ? secrets : Map.of());
    }
}
