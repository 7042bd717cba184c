package dev.cogform.bench.jmh;

import dev.cogform.bench.SyntheticClients;
import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.refresh.LiveSnapshot;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A planner input built in memory: {@code clients} desired clients over {@code pools} pools; every
 * tenth client is new (a create), every fifth (none of them new) differs live (an update: a longer access
 * token and one more callback URL), the rest are in sync (no-ops). The state manages every client
 * that exists, with the settings it applied; the live snapshot is a full refresh of it.
 */
public record PlanningInput(DesiredState desired, StateSnapshot state, LiveSnapshot live) {

    /** Clients that are created: every tenth. */
    static boolean created(int i) {
        return i % 10 == 9;
    }

    /** Clients that are updated: every fifth (i % 5 == 0 never meets i % 10 == 9). */
    static boolean updated(int i) {
        return !created(i) && i % 5 == 0;
    }

    public static PlanningInput of(int clients, int pools) {
        List<String> poolIds = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
            poolIds.add(String.format(Locale.ROOT, "us-east-1_Bench%04d", p));
        }
        DesiredState desired = SyntheticClients.desired(poolIds, clients);
        Map<String, String> poolIdsByKey = new HashMap<>();
        desired.pools().forEach(p -> poolIdsByKey.put(p.key(), p.id()));
        Map<ClientAddress, DesiredClient> byAddress = new HashMap<>();
        desired.clients().forEach(c -> byAddress.put(c.address(), c));

        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Map<ClientAddress, ClientRecord> records = new TreeMap<>();
        Map<ClientAddress, Optional<LiveClient>> managed = new HashMap<>();
        Map<String, List<ClientSummary>> listings = new HashMap<>();
        poolIds.forEach(id -> listings.put(id, new ArrayList<>()));
        for (int i = 0; i < clients; i++) {
            if (created(i)) {
                continue;
            }
            ClientAddress address = SyntheticClients.address(i, pools);
            AppClientSettings applied = byAddress.get(address).settings();
            String poolId = poolIdsByKey.get(address.pool());
            String clientId = String.format(Locale.ROOT, "c%025d", i);
            AppClientSettings live = updated(i) ? applied.toBuilder()
                    .accessTokenValiditySeconds(applied.accessTokenValiditySeconds() * 2)
                    .callbackUrls(plus(applied.callbackUrls(), "https://drifted" + i + ".example.com/cb"))
                    .build() : applied;
            LiveClient liveClient = new LiveClient(poolId, clientId, live, at, at);
            records.put(address, new ClientRecord(address, poolId, clientId, applied.clientName(), live,
                    liveClient.fingerprint(), false, at));
            managed.put(address, Optional.of(liveClient));
            listings.get(poolId).add(new ClientSummary(poolId, clientId, applied.clientName()));
        }
        StateSnapshot state = new StateSnapshot("bench-lineage", 42, records, List.of());
        LiveSnapshot live = new LiveSnapshot(true, poolIdsByKey, listings, managed, Map.of(), List.of());
        return new PlanningInput(desired, state, live);
    }

    private static List<String> plus(java.util.Set<String> values, String extra) {
        List<String> out = new ArrayList<>(values);
        out.add(extra);
        return out;
    }
}
