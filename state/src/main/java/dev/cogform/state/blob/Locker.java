package dev.cogform.state.blob;

import dev.cogform.core.state.LockInfo;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import java.util.Optional;

/** Mutual exclusion for one state, across threads and processes. */
public interface Locker {

    /**
     * One attempt to take the lock as {@code lockId} for {@code operation}; fails at once with
     * {@link StateLockedException} naming the holder when someone else holds it.
     */
    StateLock tryLock(String lockId, String operation);

    /** Who holds the lock now, if anyone. */
    Optional<LockInfo> holder();

    /**
     * Releases the lock if {@code lockId} holds it, whoever took it (the escape hatch of
     * {@code cogform state unlock}); fails naming the actual holder otherwise.
     */
    void forceUnlock(String lockId);
}
