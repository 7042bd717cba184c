package dev.cogform.core.state;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Loads, saves and locks one state. Implementations verify integrity on every read and refuse a
 * document they cannot read rather than replace it. Closing releases what the store holds (an HTTP
 * client); the {@code state} commands use only this port, whatever the backend.
 */
public interface StateStore extends AutoCloseable {

    /** The current snapshot, or {@link StateSnapshot#empty()} when none was ever saved. */
    StateSnapshot read();

    /**
     * Saves {@code next} as the successor of the snapshot it was derived from: fails with
     * {@link StaleStateException} unless the stored lineage and serial equal {@code next}'s (or nothing
     * is stored and {@code next.serial()} is 0). Returns what was written, with the serial one higher.
     */
    StateSnapshot write(StateSnapshot next);

    /**
     * Takes the lock for {@code operation}, waiting up to {@code timeout} (zero: fail at once) and
     * failing with {@link StateLockedException} naming the holder.
     */
    StateLock lock(String operation, Duration timeout);

    /**
     * Stores a state that came from elsewhere ({@code state push}, {@code state migrate}), keeping its
     * lineage and serial where it can. Without {@code force} it refuses another lineage, an older serial,
     * the same serial with different content, and a stored document it cannot read. Over an existing
     * state the serial written is at least one more than the stored one, so plans made against the
     * replaced state become stale. Returns what is stored afterwards.
     */
    StateSnapshot importSnapshot(StateSnapshot incoming, boolean force);

    /** Who holds the lock now, if anyone. */
    Optional<LockInfo> lockHolder();

    /**
     * Releases the lock {@code lockId} whoever holds it ({@code cogform state unlock}); fails naming the
     * actual holder when {@code lockId} does not hold it, and when nothing is locked.
     */
    void forceUnlock(String lockId);

    /**
     * The stored document exactly as stored, after verifying it ({@code state pull}); empty when nothing
     * was saved yet.
     */
    Optional<String> document();

    /** Where the state lives, for messages: a path or {@code s3://bucket/key}. */
    String location();

    /**
     * Things the user should know that did not stop an operation (a broken expired lock, a lock released
     * without a conditional delete), collected since the last call; the command line shows them.
     */
    default List<String> drainWarnings() {
        return List.of();
    }

    /** Releases what the store holds; a store that holds nothing need not override this. */
    @Override
    default void close() {
    }
}
