package dev.cogform.state.local;

import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.state.LockInfo;
import dev.cogform.core.state.LockLostException;
import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateLock;
import dev.cogform.state.blob.LockConflict;
import dev.cogform.state.blob.LockOwner;
import dev.cogform.state.blob.Locker;
import dev.cogform.state.format.LockInfoCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks a local state with an OS file lock ({@link FileChannel#tryLock()}) on {@code <state>.lock},
 * and writes the holder's lock info into that file while it holds it. The lock file is never deleted
 * (deleting it would let two processes lock two different files of the same name); it is emptied on
 * release.
 */
final class FileLocker implements Locker {

    private static final Logger LOG = LoggerFactory.getLogger(FileLocker.class);
    private static final LockInfo UNKNOWN_HOLDER =
            new LockInfo("(not yet written)", null, "another process", 0, null, null, null);

    private final Path lockFile;
    private final String stateLocation;
    private final LocalLocks jvm;

    FileLocker(Path lockFile, String stateLocation) {
        this.lockFile = lockFile;
        this.stateLocation = stateLocation;
        this.jvm = LocalLocks.of(lockFile);
    }

    @Override
    public StateLock tryLock(String lockId, String operation) {
        synchronized (jvm) {
            if (jvm.held != null) {
                throw locked(jvm.held.info);
            }
            FileChannel channel = open();
            try {
                FileLock os = channel.tryLock();
                if (os == null) {
                    LockInfo holder = read(channel).orElse(UNKNOWN_HOLDER);
                    channel.close();
                    throw locked(holder);
                }
                LockInfo info = LockOwner.current().lockInfo(lockId, operation, Instant.now(), null);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(LockInfoCodec.encode(info)), 0);
                channel.force(true);
                jvm.held = new FileStateLock(info, channel, os);
                LOG.info("lock {}: acquired {} for '{}'", stateLocation, lockId, operation);
                return jvm.held;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StateException("could not lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<LockInfo> holder() {
        synchronized (jvm) {
            if (jvm.held != null) {
                return Optional.of(jvm.held.info);
            }
            FileChannel channel = open();
            try (channel) {
                FileLock os = channel.tryLock();
                if (os == null) {
                    return Optional.of(read(channel).orElse(UNKNOWN_HOLDER));
                }
                os.release();
                return Optional.empty();
            } catch (IOException e) {
                throw new StateException("could not read the lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void forceUnlock(String lockId) {
        synchronized (jvm) {
            if (jvm.held != null) {
                if (!jvm.held.info.id().equals(lockId)) {
                    throw notHolding(lockId, jvm.held.info);
                }
                jvm.held.release();
                return;
            }
            FileChannel channel = open();
            try (channel) {
                FileLock os = channel.tryLock();
                if (os == null) {
                    LockInfo holder = read(channel).orElse(UNKNOWN_HOLDER);
                    if (!holder.id().equals(lockId)) {
                        throw notHolding(lockId, holder);
                    }
                    throw new StateException("lock " + lockId + " on " + stateLocation + " is held by the running"
                            + " process " + holder.pid() + " (" + holder.who() + "); a file lock ends with its"
                            + " process, so stop that process instead");
                }
                Optional<LockInfo> leftover = read(channel);
                channel.truncate(0);
                os.release();
                if (leftover.isEmpty() || !leftover.get().id().equals(lockId)) {
                    throw new StateException("the state " + stateLocation + " is not locked; there is nothing to unlock");
                }
                // The holder died without releasing; its OS lock is gone and its stale info is now cleared.
                LOG.info("lock {}: cleared the lock info {} left by a process that ended", stateLocation, lockId);
            } catch (IOException e) {
                throw new StateException("could not unlock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    private StateException notHolding(String lockId, LockInfo holder) {
        return new StateException("lock " + lockId + " does not hold the state " + stateLocation + "; it is locked by "
                + holder.who() + " (pid " + holder.pid() + ") for '" + holder.operation() + "' with lock " + holder.id());
    }

    private StateException locked(LockInfo holder) {
        return LockConflict.locked(stateLocation, holder, "A file lock ends with its process: wait for that run to"
                + " finish, or if it is stuck, stop process " + (holder.pid() > 0 ? holder.pid() : "holding " + lockFile)
                + " (" + holder.who() + ").");
    }

    private FileChannel open() {
        try {
            Posix.createPrivateDirectories(lockFile.getParent());
            return Posix.openPrivate(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StateException("could not open the lock file " + lockFile + ": " + FileFailures.writing(lockFile, e), e);
        }
    }

    private static Optional<LockInfo> read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 64 * 1024) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read until full or end of file
        }
        return LockInfoCodec.decode(buffer.array());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already failing; the original error is the one to report
        }
    }

    /** A held file lock; closing empties the lock file and releases the OS lock. */
    final class FileStateLock implements StateLock {

        private final LockInfo info;
        private final FileChannel channel;
        private final FileLock os;

        FileStateLock(LockInfo info, FileChannel channel, FileLock os) {
            this.info = info;
            this.channel = channel;
            this.os = os;
        }

        @Override
        public LockInfo info() {
            return info;
        }

        @Override
        public void ensureHeld() {
            synchronized (jvm) {
                if (jvm.held != this || !os.isValid()) {
                    throw new LockLostException("the lock " + info.id() + " on " + stateLocation
                            + " is no longer held (released or its file closed); stopped before writing");
                }
            }
        }

        @Override
        public void close() {
            synchronized (jvm) {
                if (jvm.held == this) {
                    release();
                }
            }
        }

        /** Called with the monitor of {@code jvm} held. */
        void release() {
            try {
                channel.truncate(0);
                channel.force(true);
                os.release();
                channel.close();
            } catch (IOException e) {
                closeQuietly(channel); // closing the channel releases the OS lock in any case
            } finally {
                jvm.held = null;
                LOG.info("lock {}: released {}", stateLocation, info.id());
            }
        }
    }
}
