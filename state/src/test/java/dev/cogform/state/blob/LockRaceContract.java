package dev.cogform.state.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.core.state.StateSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Mutual exclusion under real contention between threads, for stores whose lock primitive is atomic
 * (in-memory, local file, s3proxy; not moto, whose conditional writes were only checked sequentially).
 */
@SuppressWarnings("try") // locks are held for a block, not referenced in it
public interface LockRaceContract extends StateStoreContract {

    int THREADS = 6;

    /** Rounds of the pure lock race; stores over HTTP may run fewer. */
    default int rounds() {
        return 15;
    }

    @Test
    default void lockRace_betweenThreads_hasExactlyOneWinnerEachRound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < rounds(); round++) {
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<StateLock>> attempts = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    BlobStateStore store = openStore();
                    attempts.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            return store.lock("race", Duration.ZERO);
                        } catch (StateLockedException e) {
                            return null;
                        }
                    }));
                }
                List<StateLock> winners = new ArrayList<>();
                for (Future<StateLock> f : attempts) {
                    StateLock lock = f.get(60, TimeUnit.SECONDS);
                    if (lock != null) {
                        winners.add(lock);
                    }
                }
                assertThat(winners).as("winners of round %d", round).hasSize(1);
                assertThat(openStore().lockHolder()).hasValueSatisfying(
                        h -> assertThat(h.id()).isEqualTo(winners.get(0).info().id()));
                winners.forEach(StateLock::close);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void lockedReadModifyWrite_fromManyThreads_losesNoUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String address = "main.writer-" + t;
                BlobStateStore store = openStore();
                runs.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try (StateLock lock = store.lock("apply", Duration.ofSeconds(120))) {
                        StateSnapshot current = store.read();
                        store.write(Snapshots.with(current, address));
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get(180, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        StateSnapshot end = openStore().read();
        assertThat(end.clients()).hasSize(THREADS);
        assertThat(end.serial()).isEqualTo(THREADS);
    }
}
