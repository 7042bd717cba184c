package dev.cogform.sandbox;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Cognito processes one client write per user pool at a time. A pool is busy while a client write
 * (including any injected latency) runs; an Update or Delete arriving then fails with
 * {@code ConcurrentModificationException}, a Create waits.
 */
final class PoolWriteGuard {

    private final ConcurrentHashMap<String, Semaphore> pools = new ConcurrentHashMap<>();

    <T> T run(Operation operation, String poolId, Supplier<T> work) {
        if (operation.clientWrite() == Operation.ClientWrite.NONE || poolId == null) {
            return work.get();
        }
        Semaphore busy = pools.computeIfAbsent(poolId, id -> new Semaphore(1));
        if (operation.clientWrite() == Operation.ClientWrite.EXCLUSIVE) {
            if (!busy.tryAcquire()) {
                throw CognitoError.concurrentModification();
            }
        } else {
            busy.acquireUninterruptibly();
        }
        try {
            return work.get();
        } finally {
            busy.release();
        }
    }

    /** Whether a client write on the pool is in progress (tests use it to overlap writes). */
    boolean busy(String poolId) {
        Semaphore s = pools.get(poolId);
        return s != null && s.availablePermits() == 0;
    }
}
