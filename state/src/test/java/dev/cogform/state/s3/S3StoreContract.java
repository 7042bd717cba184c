package dev.cogform.state.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.state.blob.Blob;
import dev.cogform.state.blob.BlobClient;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.ConditionFailedException;
import dev.cogform.state.blob.LeaseLocker;
import dev.cogform.state.blob.LockOwner;
import dev.cogform.state.blob.LostResponseBlobClient;
import dev.cogform.state.blob.Precondition;
import dev.cogform.state.blob.Snapshots;
import dev.cogform.state.blob.StateStoreContract;
import dev.cogform.state.blob.Warnings;
import dev.cogform.state.format.LockInfoCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** What the S3 store adds to the contract, run against every S3 peer. */
interface S3StoreContract extends StateStoreContract {

    String KEY = "env/prod/state.json";

    S3Client s3();

    String bucket();

    @Override
    default BlobStateStore openStore() {
        return S3Store.open(s3(), new S3Location(bucket(), KEY, null, null, null), Duration.ofMinutes(1));
    }

    @Override
    default BlobClient rawState() {
        return new S3BlobClient(s3(), bucket(), KEY, null);
    }

    default BlobClient rawLock() {
        return new S3BlobClient(s3(), bucket(), KEY + S3Store.LOCK_SUFFIX, null);
    }

    @Test
    default void conditionalWrites_areCheckedByTheStore() {
        BlobClient blob = new S3BlobClient(s3(), bucket(), "cas-probe", null);
        String first = blob.put(Blob.of("1".getBytes()), Precondition.absent());
        assertThatThrownBy(() -> blob.put(Blob.of("2".getBytes()), Precondition.absent()))
                .isInstanceOf(ConditionFailedException.class);
        String second = blob.put(Blob.of("2".getBytes()), Precondition.matches(first));
        assertThatThrownBy(() -> blob.put(Blob.of("3".getBytes()), Precondition.matches(first)))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(blob.get().orElseThrow().etag()).isEqualTo(second);
        assertThat(new String(blob.get().orElseThrow().data(), StandardCharsets.UTF_8)).isEqualTo("2");
        BlobClient missing = new S3BlobClient(s3(), bucket(), "no-such-key", null);
        assertThatThrownBy(() -> missing.put(Blob.of("x".getBytes()), Precondition.matches(first)))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(missing.get()).isEmpty();
    }

    @Test
    default void checksum_isAlsoStoredAsObjectMetadata() throws Exception {
        BlobStateStore store = openStore();
        store.write(Snapshots.with(store.read(), "main.a"));
        HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket()).key(KEY));
        String checksum = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(rawState().get().orElseThrow().data()).get("checksum").asText();
        assertThat(head.metadata()).containsEntry(BlobStateStore.CHECKSUM_METADATA, checksum);
        assertThat(head.contentType()).isEqualTo("application/json");
    }

    @ParameterizedTest
    @EnumSource(LostResponseBlobClient.Mode.class)
    default void lockCreate_whoseResponseIsLost_isResolvedByReadingTheLockBack(LostResponseBlobClient.Mode mode) {
        Warnings warnings = new Warnings();
        LostResponseBlobClient flaky = new LostResponseBlobClient(rawLock(), mode);
        BlobStateStore store = new BlobStateStore(rawState(),
                new LeaseLocker(flaky, "s3://" + bucket() + "/" + KEY, Duration.ofMinutes(1), Clock.systemUTC(), warnings),
                warnings);
        try (StateLock lock = store.lock("apply", Duration.ZERO)) {
            assertThat(store.lockHolder().orElseThrow().id()).isEqualTo(lock.info().id());
            StateSnapshot s = store.write(Snapshots.with(store.read(), "main.a"));
            assertThat(s.serial()).isEqualTo(1);
            assertThatThrownBy(() -> openStore().lock("plan", Duration.ZERO)).isInstanceOf(StateLockedException.class);
        }
        try (StateLock next = openStore().lock("plan", Duration.ZERO)) {
            assertThat(next.info().operation()).isEqualTo("plan");
        }
    }

    /** A store whose lease is {@code lease}, judging time by {@code clock} where S3 gives none. */
    default BlobStateStore openStore(Duration lease, Clock clock) {
        Warnings warnings = new Warnings();
        return new BlobStateStore(rawState(), new LeaseLocker(rawLock(), "s3://" + bucket() + "/" + KEY, lease, clock,
                warnings), warnings);
    }

    /** What a kill -9 leaves: a lock object nobody renews; its lock info says it expires in five minutes. */
    default void deadHolder(String id) {
        Instant now = Instant.now();
        rawLock().put(Blob.of(LockInfoCodec.encode(new dev.cogform.core.state.LockInfo(id, "apply",
                "ghost@ci-runner", 4242, now, "0.0.1", now.plus(Duration.ofMinutes(5))))), Precondition.absent());
    }

    @Test
    default void expiredLeaseOfADeadHolder_isBrokenAndTakenOver_onceS3SaysItWasNotRenewedForALease() throws Exception {
        deadHolder("dead-run");
        BlobStateStore store = openStore(Duration.ofSeconds(1), Clock.systemUTC());
        Thread.sleep(3_500); // S3's times have whole seconds: lease 1 s, margin 1.1 s, rounding 1 s
        try (StateLock lock = store.lock("apply", Duration.ZERO)) {
            assertThat(store.drainWarnings()).singleElement().asString()
                    .contains("broke the expired lock dead-run").contains("ghost@ci-runner");
            assertThat(openStore().lockHolder().orElseThrow().id()).isEqualTo(lock.info().id());
            assertThat(openStore().lockHolder().orElseThrow().who()).isEqualTo(LockOwner.current().who());
        }
    }

    @Test
    default void leaseOfALiveHolder_isNotBroken_byATakerWhoseClockRunsAhead() {
        deadHolder("live-run"); // just written: by S3's clock the lease has barely begun
        Clock tenMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));

        assertThatThrownBy(() -> openStore(Duration.ofMinutes(5), tenMinutesAhead).lock("apply", Duration.ZERO))
                .isInstanceOf(StateLockedException.class)
                .hasMessageContaining("cogform state unlock live-run")
                .hasMessageContaining("--lock-timeout");
        assertThat(openStore().lockHolder().orElseThrow().id()).isEqualTo("live-run");
    }

    @Test
    default void lockLeftByAKilledRun_isWaitedOutWithALockTimeout() {
        deadHolder("killed-run");
        BlobStateStore store = openStore(Duration.ofSeconds(1), Clock.systemUTC());

        try (StateLock lock = store.lock("apply", Duration.ofSeconds(20))) {
            assertThat(openStore().lockHolder().orElseThrow().id()).isEqualTo(lock.info().id());
            assertThat(store.drainWarnings()).anySatisfy(w -> assertThat(w).contains("broke the expired lock killed-run"));
        }
    }

    @Test
    default void leaseOfALiveHolder_isNotBroken() {
        Instant now = Instant.now();
        rawLock().put(Blob.of(LockInfoCodec.encode(new dev.cogform.core.state.LockInfo("live-run", "apply",
                "someone@laptop", 7, now, "0.0.1", now.plus(Duration.ofMinutes(5))))), Precondition.absent());
        assertThatThrownBy(() -> openStore().lock("apply", Duration.ZERO))
                .isInstanceOf(StateLockedException.class)
                .hasMessageContaining("locked by someone@laptop (pid 7) for 'apply'")
                .hasMessageContaining("cogform state unlock live-run");
        openStore().forceUnlock("live-run");
        assertThat(rawLock().get()).isEmpty();
    }
}
