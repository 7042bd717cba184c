package dev.cogform.state.blob;

import dev.cogform.core.state.LockInfo;
import dev.cogform.core.state.StaleStateException;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import dev.cogform.state.format.CorruptStateException;
import dev.cogform.state.format.DecodedState;
import dev.cogform.state.format.EncodedState;
import dev.cogform.state.format.NewerStateException;
import dev.cogform.state.format.StateCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state logic over any {@link BlobClient} and {@link Locker}: every read verifies the document,
 * every write is a compare-and-set twice over — on lineage and serial, and on the ETag of the document
 * those were read from — so a stale or unrelated writer is refused and nothing is lost even when the
 * lock was bypassed. A document that cannot be read is never overwritten (except by an explicit
 * forced import).
 *
 * <p>The store remembers the snapshot it last read or wrote and that document's ETag: a write based on
 * it is sent with {@code If-Match} on that ETag without reading and verifying the document again, as
 * the condition alone proves nothing changed since. So an apply of 1,000 steps on a large state
 * encodes and hashes each version once and never reads it back.
 */
public final class BlobStateStore implements StateStore {

    /** The user-metadata key under which object stores also keep the document's checksum. */
    public static final String CHECKSUM_METADATA = "cogform-checksum";
    private static final Logger LOG = LoggerFactory.getLogger(BlobStateStore.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final BlobClient state;
    private final Locker locker;
    private final Warnings warnings;
    private final StateCodec codec = StateCodec.standard();
    private final List<AutoCloseable> resources = new ArrayList<>();
    /** The document as this store last read or wrote it; null until then. */
    private Known known;

    private record Known(StateSnapshot snapshot, String etag) {
    }

    public BlobStateStore(BlobClient state, Locker locker, Warnings warnings) {
        this.state = state;
        this.locker = locker;
        this.warnings = warnings;
    }

    /** Registers something to close with this store (e.g. its HTTP client); returns this store. */
    public BlobStateStore closing(AutoCloseable resource) {
        resources.add(resource);
        return this;
    }

    @Override
    public synchronized StateSnapshot read() {
        Fetched current = fetch();
        if (current.blob().isEmpty()) {
            known = null;
            return StateSnapshot.empty();
        }
        StateSnapshot snapshot = decode(current).snapshot();
        known = new Known(snapshot, current.blob().get().etag());
        return snapshot;
    }

    @Override
    public Optional<String> document() {
        Fetched current = fetch();
        current.blob().ifPresent(b -> decode(current));
        return current.blob().map(b -> new String(b.data(), StandardCharsets.UTF_8));
    }

    @Override
    public synchronized StateSnapshot write(StateSnapshot next) {
        Known base = known;
        if (base != null && base.etag() != null && base.snapshot().lineage().equals(next.lineage())
                && base.snapshot().serial() == next.serial()) {
            // The condition checks that the stored document is still the one this snapshot came from.
            return put(withSerial(next, next.serial() + 1), Precondition.matches(base.etag()));
        }
        Fetched fetched = fetch();
        Optional<StoredBlob> current = fetched.blob();
        if (current.isEmpty()) {
            if (next.serial() != 0) {
                throw new StaleStateException("the state " + location() + " holds nothing, but this change was"
                        + " based on serial " + next.serial() + " of lineage " + next.lineage()
                        + ": it was removed or moved meanwhile; nothing was written");
            }
            return put(withSerial(next, 1), Precondition.absent());
        }
        StateSnapshot stored = decode(fetched).snapshot();
        if (!stored.lineage().equals(next.lineage())) {
            throw new StaleStateException("the state " + location() + " has lineage " + stored.lineage()
                    + ", but this change was based on lineage " + next.lineage()
                    + ": it is a different state; nothing was written");
        }
        if (stored.serial() != next.serial()) {
            throw new StaleStateException("the state " + location() + " is at serial " + stored.serial()
                    + ", but this change was based on serial " + next.serial()
                    + ": another run saved it meanwhile; nothing was written, run the command again");
        }
        return put(withSerial(next, stored.serial() + 1), Precondition.matches(current.get().etag()));
    }

    @Override
    public synchronized StateSnapshot importSnapshot(StateSnapshot incoming, boolean force) {
        Fetched fetched = fetch();
        Optional<StoredBlob> current = fetched.blob();
        if (current.isEmpty()) {
            return put(withSerial(incoming, Math.max(1, incoming.serial())), Precondition.absent());
        }
        StateSnapshot stored = null;
        try {
            stored = decode(fetched).snapshot();
        } catch (CorruptStateException | NewerStateException e) {
            if (!force) {
                throw new StateException(e.getMessage() + " Use --force to replace it anyway.", e);
            }
        }
        if (stored != null && !force) {
            if (!stored.lineage().equals(incoming.lineage())) {
                throw new StateException("refusing to replace the state " + location() + " (lineage "
                        + stored.lineage() + ") with an unrelated state (lineage " + incoming.lineage()
                        + "); use --force if you mean it");
            }
            if (incoming.serial() < stored.serial()) {
                throw new StateException("refusing to replace the state " + location() + " at serial "
                        + stored.serial() + " with the older serial " + incoming.serial() + "; use --force if you mean it");
            }
            if (incoming.serial() == stored.serial()) {
                if (sameContent(stored, incoming)) {
                    return stored;
                }
                throw new StateException("refusing to replace the state " + location() + " at serial "
                        + stored.serial() + " with different content under the same serial; use --force if you mean it");
            }
        }
        long serial = stored == null ? Math.max(1, incoming.serial()) : Math.max(incoming.serial(), stored.serial() + 1);
        return put(withSerial(incoming, serial), Precondition.matches(current.get().etag()));
    }

    @Override
    public StateLock lock(String operation, Duration timeout) {
        String id = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(timeout);
        boolean waitLogged = false;
        while (true) {
            try {
                StateLock lock = locker.tryLock(id, operation);
                state.lockAcquired();
                return lock;
            } catch (StateLockedException e) {
                if (!waitLogged && !timeout.isZero()) {
                    LOG.debug("lock {}: held by {}, waiting up to {}s", location(),
                            e.holder() == null ? "someone" : e.holder().id(), timeout.toSeconds());
                    waitLogged = true;
                }
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    if (timeout.isZero()) {
                        throw e;
                    }
                    throw new StateLockedException("gave up after waiting " + timeout.toSeconds() + "s: "
                            + e.getMessage(), e.holder());
                }
                sleep(left.compareTo(POLL) < 0 ? left : POLL);
            }
        }
    }

    @Override
    public Optional<LockInfo> lockHolder() {
        return locker.holder();
    }

    @Override
    public void forceUnlock(String lockId) {
        locker.forceUnlock(lockId);
        LOG.info("lock {}: released {} by force", location(), lockId);
    }

    @Override
    public String location() {
        return state.location();
    }

    @Override
    public List<String> drainWarnings() {
        return warnings.drain();
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                warnings.add("could not close " + r + ": " + e.getMessage());
            }
        }
    }

    /** One read of the stored object and how long it took, for the log line of the read. */
    private record Fetched(Optional<StoredBlob> blob, long nanos) {
    }

    private Fetched fetch() {
        long start = System.nanoTime();
        Optional<StoredBlob> blob = state.get();
        Fetched fetched = new Fetched(blob, System.nanoTime() - start);
        if (blob.isEmpty()) {
            LOG.debug("state read {}: nothing stored, latency={}ms", location(), millis(fetched.nanos()));
        }
        return fetched;
    }

    /** Decodes a fetched (present) document and logs the read with its serial. */
    private DecodedState decode(Fetched fetched) {
        StoredBlob blob = fetched.blob().orElseThrow();
        DecodedState decoded = decode(blob);
        LOG.debug("state read {}: serial={} bytes={} latency={}ms", location(), decoded.snapshot().serial(),
                blob.data().length, millis(fetched.nanos()));
        return decoded;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private DecodedState decode(StoredBlob blob) {
        try {
            return codec.decode(blob.data());
        } catch (CorruptStateException e) {
            throw new CorruptStateException("cannot read the state " + location() + ": " + e.getMessage()
                    + ". cogform left it untouched." + advice(), e);
        } catch (NewerStateException e) {
            throw new NewerStateException("cannot use the state " + location() + ": " + e.getMessage());
        }
    }

    private String advice() {
        String advice = state.recoveryAdvice();
        return advice.isEmpty() ? "" : " " + advice;
    }

    private StateSnapshot put(StateSnapshot snapshot, Precondition precondition) {
        EncodedState encoded = codec.encode(snapshot);
        Blob blob = new Blob(encoded.bytes(), Map.of(CHECKSUM_METADATA, encoded.checksum()));
        long start = System.nanoTime();
        known = null;
        try {
            String etag = state.put(blob, precondition);
            known = new Known(snapshot, etag);
            LOG.info("state write {}: serial={} bytes={} latency={}ms", location(), snapshot.serial(),
                    encoded.bytes().length, millis(System.nanoTime() - start));
            return snapshot;
        } catch (ConditionFailedException e) {
            LOG.info("state write {}: serial={} refused, {} failed, latency={}ms", location(), snapshot.serial(),
                    precondition, millis(System.nanoTime() - start));
            throw new StaleStateException("the state " + location() + " changed while this change was being"
                    + " written (" + precondition + " failed); nothing was written, run the command again");
        } catch (BlobTransportException e) {
            // The response was lost; the write may have landed. Only our own bytes count as success.
            Optional<StoredBlob> now = state.get();
            if (now.isPresent() && Arrays.equals(now.get().data(), encoded.bytes())) {
                known = new Known(snapshot, now.get().etag());
                LOG.info("state write {}: serial={} bytes={} landed though its answer was lost ({}), latency={}ms",
                        location(), snapshot.serial(), encoded.bytes().length, e.getMessage(),
                        millis(System.nanoTime() - start));
                return snapshot;
            }
            LOG.info("state write {}: serial={} failed ({}), latency={}ms", location(), snapshot.serial(),
                    e.getMessage(), millis(System.nanoTime() - start));
            throw new StateException("could not write the state " + location() + ": " + e.getMessage()
                    + "; it was not changed", e);
        }
    }

    private static StateSnapshot withSerial(StateSnapshot s, long serial) {
        return new StateSnapshot(s.lineage(), serial, s.clients(), s.pending());
    }

    private static boolean sameContent(StateSnapshot a, StateSnapshot b) {
        return a.clients().equals(b.clients()) && a.pending().equals(b.pending());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while waiting for the state lock", e);
        }
    }
}
