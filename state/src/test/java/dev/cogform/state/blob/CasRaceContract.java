package dev.cogform.state.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogform.core.state.StaleStateException;
import dev.cogform.core.state.StateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writers that bypass the lock and race on the same base: the compare-and-set lets exactly one win.
 * Only for stores whose conditional write is atomic under races (in-memory, local file); s3proxy and
 * moto check {@code If-Match} non-atomically (test-peers.md §3).
 */
public interface CasRaceContract extends StateStoreContract {

    @Test
    default void unlockedWritesFromTheSameBase_exactlyOneWinsEachRound() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            StateSnapshot base = openStore().write(openStore().read());
            for (int round = 0; round < 10; round++) {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<StateSnapshot>> writes = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    BlobStateStore store = openStore();
                    StateSnapshot mine = Snapshots.with(base, "main.r" + round + "-t" + t);
                    writes.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            return store.write(mine);
                        } catch (StaleStateException e) {
                            return null;
                        }
                    }));
                }
                List<StateSnapshot> won = new ArrayList<>();
                for (Future<StateSnapshot> f : writes) {
                    StateSnapshot s = f.get(60, TimeUnit.SECONDS);
                    if (s != null) {
                        won.add(s);
                    }
                }
                assertThat(won).as("winners of round %d", round).hasSize(1);
                StateSnapshot stored = openStore().read();
                assertThat(stored).isEqualTo(won.get(0));
                assertThat(stored.serial()).isEqualTo(base.serial() + 1);
                base = stored;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
