package dev.cogform.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * All pools, in creation order, behind one lock. Writers change the maps inside {@link #write};
 * when a data file is configured it is saved before the lock is released, so an answered write is
 * on disk. Writers validate before they change anything, so a failed write leaves no trace.
 */
final class SandboxStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, PoolEntry> pools = new LinkedHashMap<>();
    private final DataFile file;
    private long nextSeq;

    private SandboxStore(DataFile file) {
        this.file = file;
    }

    /** A store in memory only. */
    static SandboxStore inMemory() {
        return new SandboxStore(null);
    }

    /** A store loaded from (and saved to) {@code file}. */
    static SandboxStore persistent(DataFile file) {
        SandboxStore store = new SandboxStore(file);
        for (PoolEntry pool : file.load()) {
            store.pools.put(pool.id(), pool);
            for (ClientEntry c : pool.clients().values()) {
                store.nextSeq = Math.max(store.nextSeq, c.seq() + 1);
            }
        }
        return store;
    }

    <T> T read(Function<Map<String, PoolEntry>, T> reader) {
        lock.lock();
        try {
            return reader.apply(pools);
        } finally {
            lock.unlock();
        }
    }

    <T> T write(Function<Map<String, PoolEntry>, T> writer) {
        lock.lock();
        try {
            T result = writer.apply(pools);
            if (file != null) {
                file.save(pools.values());
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** The next client sequence number; call inside {@link #write}. */
    long nextSeq() {
        return nextSeq++;
    }

    /** The pool, or ResourceNotFoundException as Cognito words it. */
    static PoolEntry pool(Map<String, PoolEntry> pools, String poolId) {
        PoolEntry pool = pools.get(poolId);
        if (pool == null) {
            throw CognitoError.notFound("User pool " + poolId + " does not exist.");
        }
        return pool;
    }
}
