package dev.cogform.core.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.ClientRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads go round-robin over pools, so Cognito's per-pool limit does not hold back the category's rate. */
class RefresherOrderTest {

    private static ClientRecord record(String poolId, String client) {
        return new ClientRecord(new ClientAddress(poolId, client), poolId, client + "-id", client,
                AppClientSettings.defaults(client), "fp", false, null);
    }

    @Test
    void interleaved_takesOneRecordPerPoolInTurn_keepingEachPoolsOrder() {
        List<ClientRecord> inAddressOrder = List.of(record("a", "1"), record("a", "2"), record("a", "3"),
                record("b", "1"), record("c", "1"), record("c", "2"));

        List<ClientRecord> order = Refresher.interleaved(inAddressOrder);

        assertThat(order).extracting(r -> r.address().toString())
                .containsExactly("a.1", "b.1", "c.1", "a.2", "c.2", "a.3");
    }

    @Test
    void interleaved_ofNothing_isNothing() {
        assertThat(Refresher.interleaved(List.of())).isEmpty();
    }
}
