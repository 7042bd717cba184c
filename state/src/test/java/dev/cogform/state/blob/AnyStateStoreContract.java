package dev.cogform.state.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.StaleStateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} promises through the interface alone: compare-and-set writes on lineage and
 * serial, and an exclusive lock that waits up to its timeout and names its holder. Run by the real stores
 * (through {@link StateStoreContract}, which adds what blob stores promise about the stored bytes) and by the
 * in-memory store the engine and command tests use, so that a test passing on the double means something.
 */
@SuppressWarnings("try") // locks are held for a block, not referenced in it
public interface AnyStateStoreContract<S extends StateStore> {

    /** A new store object on this test's location; every call gives another handle on the same state. */
    S openStore();

    private StateSnapshot seed(S store, String... addresses) {
        StateSnapshot s = store.read();
        for (String a : addresses) {
            s = Snapshots.with(s, a);
        }
        return store.write(s);
    }

    @Test
    default void read_whenNothingSaved_givesEmptySnapshotAtSerialZero() {
        StateSnapshot s = openStore().read();
        assertThat(s.serial()).isZero();
        assertThat(s.clients()).isEmpty();
        assertThat(s.pending()).isEmpty();
    }

    @Test
    default void write_thenRead_givesBackClientsAndPending() {
        S store = openStore();
        StateSnapshot next = Snapshots.withPending(Snapshots.with(Snapshots.with(store.read(), "main.web"), "main.keep-api"),
                "other.cli");
        StateSnapshot written = store.write(next);

        StateSnapshot read = openStore().read();
        assertThat(read).isEqualTo(written);
        assertThat(read.serial()).isEqualTo(1);
        assertThat(read.lineage()).isEqualTo(next.lineage());
        assertThat(read.client(ClientAddress.parse("main.keep-api")).orElseThrow().preventDestroy()).isTrue();
        assertThat(read.pending()).extracting(p -> p.address().toString()).containsExactly("other.cli");
    }

    @Test
    default void write_eachSave_addsOneToSerialAndKeepsLineage() {
        S store = openStore();
        StateSnapshot s1 = seed(store, "main.a");
        StateSnapshot s2 = store.write(Snapshots.with(s1, "main.b"));
        StateSnapshot s3 = store.write(s2.withoutClient(ClientAddress.parse("main.a")));
        assertThat(s3.serial()).isEqualTo(3);
        assertThat(s3.lineage()).isEqualTo(s1.lineage());
        assertThat(openStore().read().clients().keySet()).extracting(Object::toString).containsExactly("main.b");
    }

    @Test
    default void write_basedOnAnOlderSerial_isRefusedAndChangesNothing() {
        S a = openStore();
        S b = openStore();
        StateSnapshot base = seed(a, "main.a");
        StateSnapshot saved = a.write(Snapshots.with(base, "main.from-a"));

        assertThatThrownBy(() -> b.write(Snapshots.with(base, "main.from-b")))
                .isInstanceOf(StaleStateException.class)
                .hasMessageContaining("serial 2").hasMessageContaining("serial 1").hasMessageContaining(a.location());
        assertThat(openStore().read()).isEqualTo(saved);
    }

    @Test
    default void write_ofAnotherLineage_isRefused() {
        S store = openStore();
        StateSnapshot stored = seed(store, "main.a");
        StateSnapshot foreign = new StateSnapshot("00000000-0000-0000-0000-000000000000", stored.serial(),
                stored.clients(), stored.pending());
        assertThatThrownBy(() -> store.write(foreign))
                .isInstanceOf(StaleStateException.class)
                .hasMessageContaining("lineage " + stored.lineage())
                .hasMessageContaining("different state");
        assertThat(openStore().read()).isEqualTo(stored);
    }

    @Test
    default void write_ofANewState_whenAnotherWasCreatedFirst_isRefused() {
        StateSnapshot first = openStore().read();
        StateSnapshot second = openStore().read();
        openStore().write(Snapshots.with(first, "main.first"));
        assertThatThrownBy(() -> openStore().write(Snapshots.with(second, "main.second")))
                .isInstanceOf(StaleStateException.class);
        assertThat(openStore().read().lineage()).isEqualTo(first.lineage());
    }

    @Test
    default void write_basedOnASerialWhenNothingIsStored_isRefused() {
        StateSnapshot ghost = new StateSnapshot("11111111-1111-1111-1111-111111111111", 4,
                java.util.Map.of(), java.util.List.of());
        assertThatThrownBy(() -> openStore().write(ghost)).isInstanceOf(StaleStateException.class)
                .hasMessageContaining("holds nothing");
        assertThat(openStore().read().serial()).isZero();
    }

    @Test
    default void lock_heldByAnother_failsAtOnceNamingTheHolder() {
        try (StateLock held = openStore().lock("apply", Duration.ZERO)) {
            StateLockedException e = catchThrowableOfType(StateLockedException.class,
                    () -> openStore().lock("plan", Duration.ZERO));
            assertThat(e).as("a second lock must be refused").isNotNull();
            assertThat(e.holder().id()).isEqualTo(held.info().id());
            assertThat(e.holder().operation()).isEqualTo("apply");
            assertThat(e.getMessage()).contains("locked by " + held.info().who())
                    .contains("for 'apply'").contains("since " + held.info().created()).contains(held.info().id());
        }
    }

    @Test
    default void lock_afterRelease_canBeTakenAgain() {
        openStore().lock("apply", Duration.ZERO).close();
        try (StateLock again = openStore().lock("apply", Duration.ZERO)) {
            assertThat(again.info().operation()).isEqualTo("apply");
        }
    }

    @Test
    default void lock_withTimeout_waitsUntilTheHolderReleases() throws Exception {
        StateLock held = openStore().lock("apply", Duration.ZERO);
        CompletableFuture<Void> release = CompletableFuture.runAsync(held::close,
                CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
        try (StateLock mine = openStore().lock("plan", Duration.ofSeconds(30))) {
            assertThat(mine.info().id()).isNotEqualTo(held.info().id());
        }
        release.get(5, TimeUnit.SECONDS);
    }

    @Test
    default void lock_withTimeout_givesUpNamingTheHolder() {
        try (StateLock held = openStore().lock("apply", Duration.ZERO)) {
            assertThatThrownBy(() -> openStore().lock("plan", Duration.ofSeconds(1)))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("gave up after waiting 1s").hasMessageContaining(held.info().id());
        }
    }
}
