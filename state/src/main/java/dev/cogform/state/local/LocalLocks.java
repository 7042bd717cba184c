package dev.cogform.state.local;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's view of one lock file, and the monitor every access to it synchronizes on. Needed because
 * an OS file lock belongs to the process: a second channel in the same JVM would fail with
 * OverlappingFileLockException, and closing any channel on the file may release the process's lock
 * (POSIX record locks), so the JVM opens the lock file only while it does not hold it.
 */
final class LocalLocks {

    private static final ConcurrentHashMap<Path, LocalLocks> BY_FILE = new ConcurrentHashMap<>();

    /** The lock held by this JVM, or null; guarded by {@code this}. */
    FileLocker.FileStateLock held;

    private LocalLocks() {
    }

    static LocalLocks of(Path lockFile) {
        return BY_FILE.computeIfAbsent(lockFile, p -> new LocalLocks());
    }
}
