package dev.cogform.state.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.StaleStateException;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.state.format.CorruptStateException;
import dev.cogform.state.format.NewerStateException;
import dev.cogform.state.format.StateCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every blob state store promises beyond {@link AnyStateStoreContract}, written once and run against each
 * store (in-memory blobs, local file, s3proxy, moto): the stored bytes (damage, newer formats), forced unlocks
 * and imports. Tests that also check the raw bytes override the interface-level ones. Implementations give a
 * fresh, empty location per test.
 */
@SuppressWarnings("try") // locks are held for a block, not referenced in it
public interface StateStoreContract extends AnyStateStoreContract<BlobStateStore> {

    /** A new store object on this test's location; every call gives another handle on the same state. */
    @Override
    BlobStateStore openStore();

    /** The state object of this test's location, bypassing the store. */
    BlobClient rawState();

    /** Whether a held lock names {@code cogform state unlock} as the way out (lease locks do). */
    default boolean unlockAdvised() {
        return true;
    }

    private StateSnapshot seed(BlobStateStore store, String... addresses) {
        StateSnapshot s = store.read();
        for (String a : addresses) {
            s = Snapshots.with(s, a);
        }
        return store.write(s);
    }

    @Test
    @Override
    default void read_whenNothingSaved_givesEmptySnapshotAtSerialZero() {
        StateSnapshot s = openStore().read();
        assertThat(s.serial()).isZero();
        assertThat(s.clients()).isEmpty();
        assertThat(s.pending()).isEmpty();
        assertThat(rawState().get()).isEmpty();
    }

    @Test
    @Override
    default void write_basedOnAnOlderSerial_isRefusedAndChangesNothing() {
        BlobStateStore a = openStore();
        BlobStateStore b = openStore();
        StateSnapshot base = seed(a, "main.a");
        a.write(Snapshots.with(base, "main.from-a"));
        byte[] before = rawState().get().orElseThrow().data();

        assertThatThrownBy(() -> b.write(Snapshots.with(base, "main.from-b")))
                .isInstanceOf(StaleStateException.class)
                .hasMessageContaining("serial 2").hasMessageContaining("serial 1").hasMessageContaining(a.location());
        assertThat(rawState().get().orElseThrow().data()).isEqualTo(before);
        assertThat(openStore().read().clients().keySet()).extracting(Object::toString)
                .containsExactly("main.a", "main.from-a");
    }

    @Test
    @Override
    default void write_basedOnASerialWhenNothingIsStored_isRefused() {
        StateSnapshot ghost = new StateSnapshot("11111111-1111-1111-1111-111111111111", 4,
                java.util.Map.of(), java.util.List.of());
        assertThatThrownBy(() -> openStore().write(ghost)).isInstanceOf(StaleStateException.class)
                .hasMessageContaining("holds nothing");
        assertThat(rawState().get()).isEmpty();
    }

    /** Ways a stored document can be damaged. */
    enum Damage {
        BAD_JSON {
            @Override
            byte[] apply(byte[] good) {
                return "{\"format\": \"cogform-state\", \"version\": 1,,}".getBytes(StandardCharsets.UTF_8);
            }
        },
        BAD_CHECKSUM {
            @Override
            byte[] apply(byte[] good) {
                return new String(good, StandardCharsets.UTF_8).replace("main.a", "main.z").getBytes(StandardCharsets.UTF_8);
            }
        },
        TRUNCATED {
            @Override
            byte[] apply(byte[] good) {
                return Arrays.copyOf(good, good.length / 2);
            }
        },
        EMPTY {
            @Override
            byte[] apply(byte[] good) {
                return new byte[0];
            }
        };

        abstract byte[] apply(byte[] good);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    default void damagedDocument_isRefusedAndLeftByteForByte(Damage damage) {
        BlobStateStore store = openStore();
        StateSnapshot good = seed(store, "main.a");
        byte[] damaged = damage.apply(rawState().get().orElseThrow().data());
        rawState().put(Blob.of(damaged), Precondition.none());

        CorruptStateException e = catchThrowableOfType(CorruptStateException.class, () -> openStore().read());
        assertThat(e).as("reading a damaged document must fail").isNotNull();
        assertThat(e.getMessage()).contains(store.location()).contains("untouched").contains(rawState().recoveryAdvice());

        assertThatThrownBy(() -> openStore().write(Snapshots.with(good, "main.b"))).isInstanceOf(CorruptStateException.class);
        try (StateLock lock = openStore().lock("apply", Duration.ZERO)) {
            assertThatThrownBy(() -> openStore().write(good)).isInstanceOf(CorruptStateException.class);
        }
        assertThatThrownBy(() -> openStore().importSnapshot(good, false)).isInstanceOf(StateException.class)
                .hasMessageContaining("--force");
        assertThat(rawState().get().orElseThrow().data()).isEqualTo(damaged);
    }

    @Test
    default void documentOfANewerFormatVersion_isRefusedAsNewer() {
        BlobStateStore store = openStore();
        seed(store, "main.a");
        byte[] newer = new String(rawState().get().orElseThrow().data(), StandardCharsets.UTF_8)
                .replace("\"version\": " + StateCodec.VERSION + ",", "\"version\": " + (StateCodec.VERSION + 1) + ",")
                .getBytes(StandardCharsets.UTF_8);
        rawState().put(Blob.of(newer), Precondition.none());

        assertThatThrownBy(() -> openStore().read()).isInstanceOf(NewerStateException.class)
                .hasMessageContaining("written by a newer cogform")
                .hasMessageContaining("format version " + (StateCodec.VERSION + 1)).hasMessageContaining("upgrade cogform")
                .hasMessageContaining(store.location());
        assertThat(rawState().get().orElseThrow().data()).isEqualTo(newer);
    }

    @Test
    default void document_isTheStoredBytes() {
        BlobStateStore store = openStore();
        assertThat(store.document()).isEmpty();
        seed(store, "main.a");
        assertThat(store.document().orElseThrow().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(rawState().get().orElseThrow().data());
    }

    @Test
    @Override
    default void lock_heldByAnother_failsAtOnceNamingTheHolder() {
        try (StateLock held = openStore().lock("apply", Duration.ZERO)) {
            StateLockedException e = catchThrowableOfType(StateLockedException.class,
                    () -> openStore().lock("plan", Duration.ZERO));
            assertThat(e).as("a second lock must be refused").isNotNull();
            assertThat(e.holder().id()).isEqualTo(held.info().id());
            assertThat(e.holder().operation()).isEqualTo("apply");
            assertThat(e.getMessage()).contains("locked by " + LockOwner.current().who())
                    .contains("for 'apply'").contains("since " + held.info().created()).contains(held.info().id());
            if (unlockAdvised()) {
                assertThat(e.getMessage()).contains("cogform state unlock " + held.info().id());
            }
            assertThat(openStore().lockHolder()).hasValueSatisfying(h -> assertThat(h.id()).isEqualTo(held.info().id()));
        }
        assertThat(openStore().lockHolder()).isEmpty();
    }

    @Test
    default void forceUnlock_releasesAnotherHandlesLock_andItsLateCloseKeepsTheNewLock() {
        BlobStateStore first = openStore();
        StateLock stuck = first.lock("apply", Duration.ZERO);
        openStore().forceUnlock(stuck.info().id());

        try (StateLock mine = openStore().lock("plan", Duration.ZERO)) {
            stuck.close();
            assertThatThrownBy(() -> openStore().lock("other", Duration.ZERO)).isInstanceOf(StateLockedException.class)
                    .hasMessageContaining(mine.info().id());
        }
    }

    @Test
    default void forceUnlock_ofAnotherLockId_isRefusedNamingTheHolder() {
        try (StateLock held = openStore().lock("apply", Duration.ZERO)) {
            assertThatThrownBy(() -> openStore().forceUnlock("not-the-id"))
                    .isInstanceOf(StateException.class)
                    .hasMessageContaining("not-the-id").hasMessageContaining(held.info().id());
            assertThatThrownBy(() -> openStore().lock("plan", Duration.ZERO)).isInstanceOf(StateLockedException.class);
        }
    }

    @Test
    default void forceUnlock_whenNotLocked_says_soAndFails() {
        assertThatThrownBy(() -> openStore().forceUnlock("any")).isInstanceOf(StateException.class)
                .hasMessageContaining("not locked");
    }

    @Test
    default void importSnapshot_intoAnEmptyStore_keepsLineageAndSerial() {
        StateSnapshot incoming = new StateSnapshot("22222222-2222-2222-2222-222222222222", 7,
                java.util.Map.of(), java.util.List.of());
        incoming = Snapshots.with(incoming, "main.a");
        openStore().importSnapshot(incoming, false);
        assertThat(openStore().read()).isEqualTo(incoming);
    }

    @Test
    default void importSnapshot_refusesAnotherLineageOrOlderSerialUnlessForced() {
        BlobStateStore store = openStore();
        StateSnapshot stored = store.write(Snapshots.with(store.write(store.read()), "main.a"));
        StateSnapshot unrelated = Snapshots.with(StateSnapshot.empty(), "main.x");
        unrelated = new StateSnapshot(unrelated.lineage(), 9, unrelated.clients(), unrelated.pending());
        StateSnapshot older = new StateSnapshot(stored.lineage(), 1, stored.clients(), stored.pending());
        StateSnapshot sameSerialOther = Snapshots.with(stored, "main.b");

        StateSnapshot finalUnrelated = unrelated;
        assertThatThrownBy(() -> store.importSnapshot(finalUnrelated, false)).hasMessageContaining("unrelated state")
                .hasMessageContaining("--force");
        assertThatThrownBy(() -> store.importSnapshot(older, false)).hasMessageContaining("older serial 1");
        assertThatThrownBy(() -> store.importSnapshot(sameSerialOther, false)).hasMessageContaining("same serial");
        assertThat(openStore().read()).isEqualTo(stored);
        assertThat(store.importSnapshot(stored, false)).isEqualTo(stored);

        StateSnapshot forced = store.importSnapshot(older, true);
        assertThat(forced.serial()).isEqualTo(stored.serial() + 1);
        StateSnapshot newer = store.importSnapshot(
                new StateSnapshot(stored.lineage(), 10, sameSerialOther.clients(), sameSerialOther.pending()), false);
        assertThat(newer.serial()).isEqualTo(10);
        assertThat(openStore().read()).isEqualTo(newer);
    }

    @Test
    default void importSnapshot_withForce_replacesADamagedDocument() {
        BlobStateStore store = openStore();
        StateSnapshot good = seed(store, "main.a");
        rawState().put(Blob.of("garbage".getBytes(StandardCharsets.UTF_8)), Precondition.none());
        store.importSnapshot(good, true);
        assertThat(openStore().read().clients()).isEqualTo(good.clients());
    }
}
