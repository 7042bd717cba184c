package dev.cogform.core.testing;

import dev.cogform.core.state.LockInfo;
import dev.cogform.core.state.StaleStateException;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.core.state.StateLockedException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A state store in memory with the real contract: writes are a strict compare-and-set on lineage and
 * serial, the lock is exclusive and waits up to its timeout, imports follow the same refusals as the
 * real stores. {@link #history()} keeps every written snapshot; {@link #failWritesAfter} makes later
 * writes fail, as if the process died.
 */
public final class InMemoryStateStore implements StateStore {

    private final Semaphore lock = new Semaphore(1);
    private final List<StateSnapshot> history = new ArrayList<>();
    private final CallLog log;
    private StateSnapshot current;
    private HeldLock held;
    private int writesLeft = Integer.MAX_VALUE;

    public InMemoryStateStore(CallLog log) {
        this.log = log;
    }

    public InMemoryStateStore() {
        this(new CallLog());
    }

    /** A store that already holds {@code snapshot} as saved. */
    public static InMemoryStateStore holding(StateSnapshot snapshot) {
        InMemoryStateStore store = new InMemoryStateStore();
        store.current = snapshot;
        return store;
    }

    @Override
    public synchronized StateSnapshot read() {
        return current != null ? current : StateSnapshot.empty();
    }

    @Override
    public synchronized StateSnapshot write(StateSnapshot next) {
        if (writesLeft-- <= 0) {
            throw new StateException("simulated crash: the state write did not happen");
        }
        // The real stores' wording (BlobStateStore), which StateStoreContract holds this double to.
        if (current == null && next.serial() != 0) {
            throw new StaleStateException("the state " + location() + " holds nothing, but this change was based on"
                    + " serial " + next.serial() + " of lineage " + next.lineage() + "; nothing was written");
        }
        if (current != null && !current.lineage().equals(next.lineage())) {
            throw new StaleStateException("the state " + location() + " has lineage " + current.lineage()
                    + ", but this change was based on lineage " + next.lineage() + ": it is a different state");
        }
        if (current != null && current.serial() != next.serial()) {
            throw new StaleStateException("the state " + location() + " is at serial " + current.serial()
                    + ", but this change was based on serial " + next.serial() + "; nothing was written");
        }
        return store(next, next.serial() + 1);
    }

    @Override
    public synchronized StateSnapshot importSnapshot(StateSnapshot incoming, boolean force) {
        if (current == null) {
            return store(incoming, Math.max(1, incoming.serial()));
        }
        if (!force) {
            if (!current.lineage().equals(incoming.lineage())) {
                throw new StateException("refusing to replace the state (lineage " + current.lineage()
                        + ") with an unrelated state (lineage " + incoming.lineage() + "); use --force if you mean it");
            }
            if (incoming.serial() < current.serial()) {
                throw new StateException("refusing to replace the state at serial " + current.serial()
                        + " with the older serial " + incoming.serial() + "; use --force if you mean it");
            }
            if (incoming.serial() == current.serial()) {
                if (current.clients().equals(incoming.clients()) && current.pending().equals(incoming.pending())) {
                    return current;
                }
                throw new StateException("refusing to replace the state at serial " + current.serial()
                        + " with different content under the same serial; use --force if you mean it");
            }
        }
        return store(incoming, Math.max(incoming.serial(), current.serial() + 1));
    }

    /** In memory there is no file format: the "document" is the snapshot's record form. */
    @Override
    public synchronized Optional<String> document() {
        return Optional.ofNullable(current).map(StateSnapshot::toString);
    }

    private StateSnapshot store(StateSnapshot next, long serial) {
        current = new StateSnapshot(next.lineage(), serial, next.clients(), next.pending());
        history.add(current);
        log.add("state write #" + current.serial() + " clients=" + current.clients().keySet() + " pending="
                + current.pending().stream().map(p -> p.address().toString()).toList());
        return current;
    }

    @Override
    public StateLock lock(String operation, Duration timeout) {
        try {
            if (!lock.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LockInfo who;
                synchronized (this) {
                    who = held == null ? null : held.info;
                }
                if (who == null) { // released between the failed wait and the look
                    throw new StateLockedException("the state " + location() + " was locked; try again", null);
                }
                throw new StateLockedException((timeout.isZero() ? "" : "gave up after waiting " + timeout.toSeconds()
                        + "s: ") + "the state " + location() + " is locked by " + who.who() + " for '" + who.operation()
                        + "' since " + who.created() + " (lock " + who.id() + ")", who);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while waiting for the lock", e);
        }
        LockInfo info = new LockInfo(UUID.randomUUID().toString(), operation, "test", ProcessHandle.current().pid(),
                Instant.now(), "test", null);
        synchronized (this) {
            held = new HeldLock(info);
            return held;
        }
    }

    @Override
    public synchronized Optional<LockInfo> lockHolder() {
        return Optional.ofNullable(held).map(h -> h.info);
    }

    @Override
    public void forceUnlock(String lockId) {
        HeldLock victim;
        synchronized (this) {
            if (held == null) {
                throw new StateException("the state is not locked; there is nothing to unlock");
            }
            if (!held.info.id().equals(lockId)) {
                throw new StateException("lock " + lockId + " does not hold the state; it is locked by "
                        + held.info.who() + " with lock " + held.info.id());
            }
            victim = held;
        }
        victim.close();
    }

    /** Whether the lock is free now. */
    public synchronized boolean unlocked() {
        return held == null;
    }

    @Override
    public String location() {
        return "memory";
    }

    /** Lets {@code n} more writes succeed, then fails every write. */
    public synchronized InMemoryStateStore failWritesAfter(int n) {
        writesLeft = n;
        return this;
    }

    public synchronized List<StateSnapshot> history() {
        return List.copyOf(history);
    }

    /** The lock as held; released once, by its holder or by {@link #forceUnlock}. */
    private final class HeldLock implements StateLock {

        private final LockInfo info;
        private boolean released;

        HeldLock(LockInfo info) {
            this.info = info;
        }

        @Override
        public LockInfo info() {
            return info;
        }

        @Override
        public void ensureHeld() {
            synchronized (InMemoryStateStore.this) {
                if (released || held != this) {
                    throw new dev.cogform.core.state.LockLostException("the lock " + info.id() + " was released");
                }
            }
        }

        @Override
        public void close() {
            synchronized (InMemoryStateStore.this) {
                if (released) {
                    return;
                }
                released = true;
                if (held == this) {
                    held = null;
                }
            }
            lock.release();
        }
    }
}
