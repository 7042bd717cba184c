package dev.cogform.state.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.state.LockInfo;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.state.format.LockInfoCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract on the strict in-memory store, plus the lease logic driven by a hand-moved clock. */
class InMemoryStateStoreTest implements LockRaceContract, CasRaceContract {

    private Map<String, StoredBlob> bucket;

    @BeforeEach
    void newBucket() {
        bucket = InMemoryBlobClient.newBucket();
    }

    @Override
    public BlobStateStore openStore() {
        return open(Clock.systemUTC(), Duration.ofMinutes(1), new InMemoryBlobClient(bucket, "state.json.lock"));
    }

    @Override
    public BlobClient rawState() {
        return new InMemoryBlobClient(bucket, "state.json");
    }

    private BlobStateStore open(Clock clock, Duration lease, BlobClient lockObject) {
        Warnings warnings = new Warnings();
        return new BlobStateStore(new InMemoryBlobClient(bucket, "state.json"),
                new LeaseLocker(lockObject, "memory://state.json", lease, clock, warnings), warnings);
    }

    private BlobClient lockObject() {
        return new InMemoryBlobClient(bucket, "state.json.lock");
    }

    @Test
    void expiredLease_isBrokenWithAWarning_andTheOldHolderCannotReleaseTheNewLock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        BlobStateStore dead = open(clock, Duration.ofMinutes(5), lockObject());
        BlobStateStore next = open(clock, Duration.ofMinutes(5), lockObject());
        StateLock old = dead.lock("apply", Duration.ZERO);

        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> next.lock("apply", Duration.ZERO)).isInstanceOf(StateLockedException.class)
                .hasMessageContaining("lease until 2026-05-01T10:05:00Z");

        clock.advance(Duration.ofMinutes(2));
        try (StateLock mine = next.lock("apply", Duration.ZERO)) {
            assertThat(next.drainWarnings()).singleElement().asString()
                    .contains("broke the expired lock " + old.info().id()).contains("its lease ended 2026-05-01T10:05:00Z");
            old.close();
            assertThat(dead.drainWarnings()).singleElement().asString().contains("taken over");
            assertThat(next.lockHolder()).hasValueSatisfying(h -> assertThat(h.id()).isEqualTo(mine.info().id()));
        }
        assertThat(next.lockHolder()).isEmpty();
    }

    @Test
    void renewal_extendsTheLeaseFromNow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        BlobStateStore store = open(clock, Duration.ofMinutes(5), lockObject());
        try (StateLock lock = store.lock("apply", Duration.ZERO)) {
            clock.advance(Duration.ofMinutes(4));
            ((LeaseLocker.LeaseLock) lock).renew();
            assertThat(lock.info().expires()).isEqualTo(Instant.parse("2026-05-01T10:09:00Z"));
            assertThat(store.lockHolder().orElseThrow().expires()).isEqualTo(Instant.parse("2026-05-01T10:09:00Z"));

            clock.advance(Duration.ofMinutes(3));
            assertThatThrownBy(() -> open(clock, Duration.ofMinutes(5), lockObject()).lock("plan", Duration.ZERO))
                    .isInstanceOf(StateLockedException.class);
        }
    }

    @Test
    void renewal_afterTheLeaseWasBroken_losesTheLockAndSaysSo() {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        BlobStateStore slow = open(clock, Duration.ofMinutes(5), lockObject());
        StateLock lock = slow.lock("apply", Duration.ZERO);
        clock.advance(Duration.ofMinutes(6));
        try (StateLock taker = open(clock, Duration.ofMinutes(5), lockObject()).lock("apply", Duration.ZERO)) {
            ((LeaseLocker.LeaseLock) lock).renew();
            assertThat(slow.drainWarnings()).singleElement().asString().contains("lost the lock " + lock.info().id());
            lock.close();
            assertThat(slow.lockHolder()).hasValueSatisfying(h -> assertThat(h.id()).isEqualTo(taker.info().id()));
        }
    }

    @Test
    void renewal_whoseAnswerAndReadBackBothFail_doesNotEscape_andLaterRenewalsStillRun() {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        BlobClient flaky = new BlobClient() {
            final BlobClient real = lockObject();

            @Override
            public java.util.Optional<StoredBlob> get() {
                if (down.get()) {
                    throw new BlobTransportException("simulated: no answer", new java.io.IOException("reset"));
                }
                return real.get();
            }

            @Override
            public String put(Blob blob, Precondition precondition) {
                if (down.get()) {
                    throw new BlobTransportException("simulated: no answer", new java.io.IOException("reset"));
                }
                return real.put(blob, precondition);
            }

            @Override
            public void delete(Precondition precondition) {
                real.delete(precondition);
            }

            @Override
            public String location() {
                return real.location();
            }
        };
        BlobStateStore store = open(clock, Duration.ofMinutes(5), flaky);
        try (StateLock lock = store.lock("apply", Duration.ZERO)) {
            LeaseLocker.LeaseLock lease = (LeaseLocker.LeaseLock) lock;
            down.set(true);
            clock.advance(Duration.ofMinutes(2));

            assertThatCode(lease::renew).doesNotThrowAnyException();
            assertThat(store.drainWarnings()).singleElement().asString().contains("could not renew");
            assertThatCode(lock::ensureHeld).as("the lease has not ended yet").doesNotThrowAnyException();

            clock.advance(Duration.ofMinutes(4));
            assertThatThrownBy(lock::ensureHeld).isInstanceOf(dev.cogform.core.state.LockLostException.class)
                    .hasMessageContaining("ended at 2026-05-01T10:05:00Z without a renewal");

            down.set(false);
            lease.renew();
            assertThat(lock.info().expires()).isEqualTo(Instant.parse("2026-05-01T10:11:00Z"));
            assertThatCode(lock::ensureHeld).doesNotThrowAnyException();
        }
    }

    @Test
    void ensureHeld_failsOnceTheLockWasBroken() {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        BlobStateStore slow = open(clock, Duration.ofMinutes(5), lockObject());
        StateLock lock = slow.lock("apply", Duration.ZERO);
        clock.advance(Duration.ofMinutes(6));
        try (StateLock taker = open(clock, Duration.ofMinutes(5), lockObject()).lock("apply", Duration.ZERO)) {
            ((LeaseLocker.LeaseLock) lock).renew();
            assertThatThrownBy(lock::ensureHeld).isInstanceOf(dev.cogform.core.state.LockLostException.class)
                    .hasMessageContaining("lost the lock " + lock.info().id());
            lock.close();
        }
    }

    @Test
    void backgroundRenewer_rewritesTheLockBeforeTheLeaseEnds() throws Exception {
        BlobStateStore store = open(Clock.systemUTC(), Duration.ofMillis(900), lockObject());
        try (StateLock lock = store.lock("apply", Duration.ZERO)) {
            String first = lockObject().get().orElseThrow().etag();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (lockObject().get().orElseThrow().etag().equals(first) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(lockObject().get().orElseThrow().etag()).as("the renewer rewrote the lock").isNotEqualTo(first);
            assertThat(store.lockHolder().orElseThrow().id()).isEqualTo(lock.info().id());
        }
        assertThat(lockObject().get()).isEmpty();
    }

    @Test
    void lostResponseOnCreate_isResolvedByReadingTheLockBack() {
        for (LostResponseBlobClient.Mode mode : LostResponseBlobClient.Mode.values()) {
            LostResponseBlobClient flaky = new LostResponseBlobClient(lockObject(), mode);
            BlobStateStore store = open(Clock.systemUTC(), Duration.ofMinutes(1), flaky);
            try (StateLock lock = store.lock("apply", Duration.ZERO)) {
                assertThat(flaky.puts()).isEqualTo(1);
                assertThat(store.lockHolder().orElseThrow().id()).as(mode.name()).isEqualTo(lock.info().id());
            }
            assertThat(lockObject().get()).as("released after " + mode).isEmpty();
        }
    }

    @Test
    void release_onAStoreWithoutConditionalDelete_fallsBackToCompareAndDeleteWithAWarning() {
        BlobStateStore store = open(Clock.systemUTC(), Duration.ofMinutes(1),
                InMemoryBlobClient.withoutConditionalDelete(lockObject()));
        store.lock("apply", Duration.ZERO).close();
        assertThat(lockObject().get()).isEmpty();
        assertThat(store.drainWarnings()).singleElement().asString().contains("conditional deletes (HTTP 501)");
    }

    @Test
    void unreadableLockObject_isReportedNotBroken() {
        lockObject().put(Blob.of("not json".getBytes()), Precondition.none());
        assertThatThrownBy(() -> openStore().lock("apply", Duration.ZERO))
                .hasMessageContaining("cannot be read as lock info").hasMessageContaining("memory://state.json.lock");
        LockInfo info = new LockInfo("x", "apply", "a@b", 1, Instant.EPOCH, "1", null);
        assertThat(LockInfoCodec.decode(LockInfoCodec.encode(info))).contains(info);
    }
}
