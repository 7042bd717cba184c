package dev.cogform.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.core.state.StateSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The port methods the {@code state} commands use, on the fake the command tests run against. */
class InMemoryStateStorePortTest {

    @Test
    void forceUnlock_releasesTheNamedLock_once_andRefusesAnotherId() {
        InMemoryStateStore store = new InMemoryStateStore();
        StateLock held = store.lock("apply", Duration.ZERO);
        assertThat(store.lockHolder()).contains(held.info());

        assertThatThrownBy(() -> store.forceUnlock("not-the-id")).isInstanceOf(StateException.class)
                .hasMessageContaining(held.info().id());
        store.forceUnlock(held.info().id());

        assertThat(store.lockHolder()).isEmpty();
        try (StateLock next = store.lock("plan", Duration.ZERO)) {
            held.close(); // the old holder's release must not free the new holder's lock
            assertThatThrownBy(() -> store.lock("apply", Duration.ZERO)).isInstanceOf(StateLockedException.class);
            assertThat(store.lockHolder()).contains(next.info());
        }
        assertThatThrownBy(() -> store.forceUnlock("any")).hasMessageContaining("not locked");
    }

    @Test
    void importSnapshot_keepsLineageAndSerial_andRefusesOlderOrUnrelatedStatesUnlessForced() {
        InMemoryStateStore store = new InMemoryStateStore();
        StateSnapshot incoming = new StateSnapshot("lineage-a", 5, Map.of(), List.of());
        assertThat(store.document()).isEmpty();

        assertThat(store.importSnapshot(incoming, false).serial()).isEqualTo(5);
        assertThat(store.importSnapshot(incoming, false)).isEqualTo(store.read());
        assertThatThrownBy(() -> store.importSnapshot(new StateSnapshot("lineage-a", 4, Map.of(), List.of()), false))
                .hasMessageContaining("older serial 4");
        assertThatThrownBy(() -> store.importSnapshot(new StateSnapshot("lineage-b", 9, Map.of(), List.of()), false))
                .hasMessageContaining("unrelated state");

        StateSnapshot forced = store.importSnapshot(new StateSnapshot("lineage-b", 1, Map.of(), List.of()), true);
        assertThat(forced.lineage()).isEqualTo("lineage-b");
        assertThat(forced.serial()).isEqualTo(6);
        assertThat(store.document()).isPresent();
    }
}
