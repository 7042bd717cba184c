package dev.cogform.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.bench.SyntheticClients;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.live.ClientSummary;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.refresh.LiveSnapshot;
import dev.cogform.core.state.ClientRecord;
import dev.cogform.core.state.StateSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The digest and the state checksum are streamed and skip building a tree per settings object; they
 * must still be the sha256 of the very JSON a plan file holds, or saved plans would not verify.
 */
class PlanDigestFormTest {

    @Test
    void digest_andChecksum_equalTheHashOfTheWrittenJson() throws Exception {
        List<String> pools = List.of("us-east-1_a", "us-east-1_b");
        DesiredState desired = SyntheticClients.desired(pools, 12);
        Map<ClientAddress, ClientRecord> records = new HashMap<>();
        Map<ClientAddress, Optional<LiveClient>> managed = new HashMap<>();
        Map<String, List<ClientSummary>> listings = new HashMap<>();
        Map<String, String> poolIds = new HashMap<>();
        desired.pools().forEach(p -> {
            poolIds.put(p.key(), p.id());
            listings.put(p.id(), new ArrayList<>());
        });
        desired.clients().stream().filter(c -> !c.address().client().endsWith("3")).forEach(c -> {
            String poolId = poolIds.get(c.address().pool());
            // Non-ASCII text: streamed UTF-8 must equal the string's UTF-8.
            AppClientSettings live = c.settings().toBuilder().clientName(c.settings().clientName() + " caf\u00e9 \ud834\udd1e")
                    .build();
            LiveClient l = new LiveClient(poolId, "id-" + c.address().client(), live, Instant.EPOCH, Instant.EPOCH);
            records.put(c.address(), new ClientRecord(c.address(), poolId, l.clientId(), live.clientName(), live,
                    l.fingerprint(), false, Instant.EPOCH));
            managed.put(c.address(), Optional.of(l));
            listings.get(poolId).add(new ClientSummary(poolId, l.clientId(), live.clientName()));
        });
        StateSnapshot state = new StateSnapshot("lineage", 3, records, List.of());
        LiveSnapshot live = new LiveSnapshot(true, poolIds, listings, managed, Map.of(), List.of());

        Plan plan = Planner.plan(desired, state, live, new PlanOptions(Set.of(), Instant.EPOCH, "test"));

        var tree = PlanFileV1.toTree(plan, false);
        tree.remove("digest");
        String written = SettingsJson.mapper().writeValueAsString(tree);
        assertThat(plan.count(Action.UPDATE)).isPositive();
        assertThat(plan.count(Action.CREATE)).isPositive();
        assertThat(plan.digest()).isEqualTo("sha256:" + SettingsJson.sha256(written));
        assertThat(PlanFile.read(PlanFile.write(plan)).digest()).isEqualTo(plan.digest());
        var stateTree = SettingsJson.mapper().createObjectNode();
        stateTree.put("lineage", "lineage");
        stateTree.put("serial", 3);
        var clients = stateTree.putArray("clients");
        state.clients().values().forEach(r -> clients.add(PlanFileV1.recordTree(r, false)));
        stateTree.putArray("pending");
        assertThat(StateBasis.checksum(state))
                .isEqualTo(SettingsJson.sha256(SettingsJson.mapper().writeValueAsString(stateTree)));
        AppClientSettings one = records.values().iterator().next().applied();
        assertThat(SettingsJson.fingerprint(one)).isEqualTo(SettingsJson.sha256(SettingsJson.write(one)));
    }
}
