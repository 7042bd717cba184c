package dev.cogform.core.state;

import java.time.Duration;
import java.util.List;

/**
 * Loads, saves and locks one state. Implementations verify integrity on every read and refuse a
 * document they cannot read rather than replace it.
 */
public interface StateStore {

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

    /** Where the state lives, for messages: a path or {@code s3://bucket/key}. */
    String location();

    /**
     * Things the user should know that did not stop an operation (a broken expired lock, a lock released
     * without a conditional delete), collected since the last call; the command line shows them.
     */
    default List<String> drainWarnings() {
        return List.of();
    }
}
