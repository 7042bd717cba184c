package dev.cogform.state.blob;

import dev.cogform.core.state.LockInfo;
import dev.cogform.core.state.LockLostException;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.state.format.LockInfoCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock kept as an object next to the state in an object store. Taking it creates the object with
 * {@code If-None-Match: *}; the holder renews its lease in the background with {@code If-Match} on the
 * lock's ETag; a lease that has expired (its holder died) may be broken by overwriting it with
 * {@code If-Match} on the ETag read; releasing deletes with {@code If-Match}, falling back to
 * read-compare-delete (with a warning) on stores that answer 501 to conditional deletes.
 *
 * <p>A failed or unanswered create is always resolved by reading the lock back: if it carries our id,
 * our create went through and its response was lost (opentofu#4405), so we hold it.
 *
 * <p>Whether a lease has ended is judged by the store's clock, not ours: the lock object's
 * {@code Last-Modified} against the read's {@code Date}, both from S3. A lock not rewritten for the lease
 * plus a margin ({@link #margin}) is expired. Local clock skew, a laptop's sleep or a paused VM on
 * either side cannot make a live lock look expired. Only a store that gives no times falls back to the
 * holder's {@code expires} against the local clock (plus the same margin).
 *
 * <p>The holder stops writing once it is not sure it holds the lock ({@link LeaseLock#ensureHeld}): when
 * a renewal found the lock broken, or when the lease it last renewed has run out by its own clock
 * because renewals failed.
 */
public final class LeaseLocker implements Locker {

    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(LeaseLocker.class);
    private static final int ATTEMPTS = 4;

    private static final ScheduledExecutorService RENEWER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cogform-lock-renewer");
        t.setDaemon(true);
        return t;
    });

    private final BlobClient lock;
    private final String stateLocation;
    private final Duration lease;
    private final Clock clock;
    private final Warnings warnings;

    /**
     * @param lock          the lock object (conventionally the state's key plus {@code .lock})
     * @param stateLocation the state's location, for messages
     * @param lease         how long a lock stays valid without renewal; renewed every third of it
     */
    public LeaseLocker(BlobClient lock, String stateLocation, Duration lease, Clock clock, Warnings warnings) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        this.lock = lock;
        this.stateLocation = stateLocation;
        this.lease = lease;
        this.clock = clock;
        this.warnings = warnings;
    }

    @Override
    public StateLock tryLock(String lockId, String operation) {
        Instant now = clock.instant();
        LockInfo info = LockOwner.current().lockInfo(lockId, operation, now, now.plus(lease));
        Blob body = Blob.of(LockInfoCodec.encode(info));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return hold(info, lock.put(body, Precondition.absent()));
            } catch (ConditionFailedException | BlobTransportException e) {
                // Either someone holds it, or we cannot tell whether our create went through: read it back.
            }
            Optional<StoredBlob> current = lock.get();
            if (current.isEmpty()) {
                continue; // released meanwhile, or our create never arrived: try again
            }
            Optional<LockInfo> holder = LockInfoCodec.decode(current.get().data());
            if (holder.isEmpty()) {
                throw new StateException("the state " + stateLocation + " is locked, but its lock object "
                        + lock.location() + " cannot be read as lock info; if no cogform run is active,"
                        + " delete that object by hand");
            }
            if (holder.get().id().equals(lockId)) {
                LOG.debug("lock {}: our create of {} landed though its answer was lost", stateLocation, lockId);
                return hold(info, current.get().etag());
            }
            Instant expires = holder.get().expires();
            Instant ends = leaseEnd(holder.get(), current.get());
            if (expired(holder.get(), current.get())) {
                try {
                    String etag = lock.put(body, Precondition.matches(current.get().etag()));
                    LOG.warn("lock {}: took over the expired lock {} of {} (lease ended {})", stateLocation,
                            holder.get().id(), holder.get().who(), expires);
                    warnings.add("broke the expired lock " + holder.get().id() + " on " + stateLocation
                            + " held by " + holder.get().who() + " for '" + holder.get().operation()
                            + "' since " + holder.get().created() + " (its lease ended " + expires + ")");
                    return hold(info, etag);
                } catch (ConditionFailedException | BlobTransportException e) {
                    continue; // someone renewed or broke it first, or we cannot tell: look again
                }
            }
            throw LockConflict.locked(stateLocation, holder.get(), "If that run is no longer active, release the lock"
                    + " with: cogform state unlock " + holder.get().id()
                    + (ends != null ? " (or wait until its lease ends at " + ends + ", for example with"
                            + " --lock-timeout " + waitHint(current.get()) + ")" : ""));
        }
        throw new StateException("could not take the lock " + lock.location() + " after " + ATTEMPTS
                + " attempts: it kept changing; try again");
    }

    /**
     * What is added to the lease before a lock counts as expired: a tenth of the lease, at most 30 s, plus
     * one second because S3's times have whole seconds.
     */
    Duration margin() {
        Duration tenth = lease.dividedBy(10);
        return (tenth.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tenth).plusSeconds(1);
    }

    /** Whether the holder's lease has ended: by the store's clock where it gives one, else by ours. */
    private boolean expired(LockInfo holder, StoredBlob current) {
        Duration age = current.age();
        if (age != null) {
            return age.compareTo(lease.plus(margin())) > 0;
        }
        return holder.expires() != null && holder.expires().plus(margin()).isBefore(clock.instant());
    }

    /** When the holder's lease ends, for messages: by the store's clock where it gives one. */
    private Instant leaseEnd(LockInfo holder, StoredBlob current) {
        if (current.age() != null) {
            return current.lastModified().plus(lease).plus(margin());
        }
        return holder.expires() == null ? null : holder.expires().plus(margin());
    }

    /** A --lock-timeout that outlasts the holder's lease, rounded up to whole minutes. */
    private String waitHint(StoredBlob current) {
        Duration left = current.age() != null ? lease.plus(margin()).minus(current.age()) : lease.plus(margin());
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60 + 1);
        return minutes + "m";
    }

    @Override
    public Optional<LockInfo> holder() {
        return lock.get().map(b -> LockInfoCodec.decode(b.data())
                .orElse(new LockInfo("(unreadable lock object)", null, null, 0, null, null, null)));
    }

    @Override
    public void forceUnlock(String lockId) {
        StoredBlob current = lock.get().orElseThrow(() -> new StateException(
                "the state " + stateLocation + " is not locked; there is nothing to unlock"));
        LockInfo holder = LockInfoCodec.decode(current.data()).orElseThrow(() -> new StateException(
                "the lock object " + lock.location() + " cannot be read as lock info; delete it by hand"
                        + " if no cogform run is active"));
        if (!holder.id().equals(lockId)) {
            throw new StateException("lock " + lockId + " does not hold the state " + stateLocation
                    + "; it is locked by " + holder.who() + " for '" + holder.operation() + "' since "
                    + holder.created() + " with lock " + holder.id());
        }
        if (!delete(current.etag(), lockId)) {
            throw new StateException("the lock on " + stateLocation + " changed while it was being released;"
                    + " run the command again");
        }
    }

    /** Deletes the lock if it is still {@code etag}; false when it changed. */
    private boolean delete(String etag, String lockId) {
        try {
            lock.delete(Precondition.matches(etag));
            return true;
        } catch (ConditionFailedException e) {
            return false;
        } catch (ConditionNotSupportedException e) {
            Optional<StoredBlob> current = lock.get();
            if (current.isEmpty()) {
                return true;
            }
            boolean ours = LockInfoCodec.decode(current.get().data()).map(i -> i.id().equals(lockId)).orElse(false);
            if (!ours) {
                return false;
            }
            lock.delete(Precondition.none());
            LOG.warn("lock {}: released {} by read-compare-delete: the store does not support conditional deletes",
                    stateLocation, lockId);
            warnings.add("the store behind " + lock.location() + " does not support conditional deletes (HTTP 501);"
                    + " the lock was released by reading it, comparing its id and deleting it, which can race"
                    + " with a takeover in between");
            return true;
        }
    }

    private StateLock hold(LockInfo info, String etag) {
        LOG.info("lock {}: acquired {} for '{}', lease until {}", stateLocation, info.id(), info.operation(), info.expires());
        LeaseLock held = new LeaseLock(info, etag);
        long period = Math.max(1, lease.toMillis() / 3);
        synchronized (held) {
            held.renewal = RENEWER.scheduleWithFixedDelay(held::renew, period, period, TimeUnit.MILLISECONDS);
        }
        return held;
    }

    /** A held lease; renewed in the background until closed or lost. */
    final class LeaseLock implements StateLock {

        private LockInfo info;
        private String etag;
        private boolean closed;
        private boolean lost;
        private ScheduledFuture<?> renewal;

        LeaseLock(LockInfo info, String etag) {
            this.info = info;
            this.etag = etag;
        }

        @Override
        public synchronized LockInfo info() {
            return info;
        }

        /**
         * Extends the lease from now; on losing the lock, stops renewing and says so. Never throws: an
         * exception escaping a scheduled task would cancel every later renewal without a word.
         */
        synchronized void renew() {
            if (closed || lost) {
                return;
            }
            Instant now = clock.instant();
            LockInfo next = new LockInfo(info.id(), info.operation(), info.who(), info.pid(), info.created(),
                    info.toolVersion(), now.plus(lease));
            try {
                etag = lock.put(Blob.of(LockInfoCodec.encode(next)), Precondition.matches(etag));
                info = next;
                LOG.debug("lock {}: renewed {}, lease until {}", stateLocation, info.id(), info.expires());
            } catch (ConditionFailedException e) {
                lose();
            } catch (BlobTransportException e) {
                // We cannot tell whether the renewal landed: adopt the lock's ETag if it is still ours.
                try {
                    Optional<StoredBlob> current = lock.get();
                    if (current.isPresent() && LockInfoCodec.decode(current.get().data())
                            .map(i -> i.id().equals(info.id())).orElse(false)) {
                        etag = current.get().etag();
                        info = LockInfoCodec.decode(current.get().data()).orElse(info);
                        LOG.debug("lock {}: renewed {} though the answer was lost", stateLocation, info.id());
                    } else {
                        lose();
                    }
                } catch (RuntimeException readBack) {
                    unrenewed(readBack);
                }
            } catch (RuntimeException e) {
                unrenewed(e);
            }
        }

        /** A renewal whose outcome is unknown: the next one tries again; the lease may still run out. */
        private void unrenewed(RuntimeException e) {
            LOG.warn("lock {}: could not renew {} ({}); lease ends {}", stateLocation, info.id(), e.getMessage(),
                    info.expires());
            warnings.add("could not renew the lock " + info.id() + " on " + stateLocation + ": " + e.getMessage()
                    + "; will retry before the lease ends at " + info.expires());
        }

        @Override
        public synchronized void ensureHeld() {
            if (closed) {
                throw new LockLostException("the lock " + info.id() + " on " + stateLocation + " was released");
            }
            if (lost) {
                throw new LockLostException("lost the lock " + info.id() + " on " + stateLocation
                        + ": it was released or broken by someone else; stopped before writing to Cognito");
            }
            if (!clock.instant().isBefore(info.expires())) {
                throw new LockLostException("the lease of the lock " + info.id() + " on " + stateLocation
                        + " ended at " + info.expires() + " without a renewal (the store could not be reached, or"
                        + " this process was paused); another run may hold it now, so this one stopped before"
                        + " writing to Cognito");
            }
        }

        private void lose() {
            LOG.warn("lock {}: lost {}: released or broken by someone else", stateLocation, info.id());
            lost = true;
            renewal.cancel(false);
            warnings.add("lost the lock " + info.id() + " on " + stateLocation + ": it was released or its lease"
                    + " broken by someone else; state writes are still refused if the state changed meanwhile");
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (renewal != null) {
                renewal.cancel(false);
            }
            if (lost) {
                return;
            }
            if (delete(etag, info.id())) {
                LOG.info("lock {}: released {}", stateLocation, info.id());
            } else {
                LOG.warn("lock {}: {} was taken over before it was released; left to its new holder", stateLocation,
                        info.id());
                warnings.add("the lock " + info.id() + " on " + stateLocation + " was taken over before it was"
                        + " released; left it to its new holder");
            }
        }
    }
}
