package dev.cogform.state.local;

import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.state.LockInfo;
import dev.cogform.core.state.StateException;
import dev.cogform.state.blob.Blob;
import dev.cogform.state.blob.BlobClient;
import dev.cogform.state.blob.ConditionFailedException;
import dev.cogform.state.blob.LockConflict;
import dev.cogform.state.blob.Precondition;
import dev.cogform.state.blob.StoredBlob;
import dev.cogform.state.format.LockInfoCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * One local file as a blob; its ETag is the sha256 of its bytes. A write goes to a temp file in the
 * same directory (mode 0600), is fsynced, then renamed over the file atomically and the directory
 * fsynced, so a crash leaves either the old or the new file, never a partial one. The content the first
 * write of this client (one run: one command) replaces is first saved the same way as
 * {@code <file>.backup}: the backup is the state as it was before the last run that changed it (for a
 * run that created the state, its first version), written once per run, not once per step. The compare-and-set runs under the state's lock:
 * the caller's if this JVM holds it, otherwise the OS lock taken for the duration of the write (a write
 * while another process holds the lock is refused).
 */
final class LocalBlobClient implements BlobClient {

    /** Runs between writing the temp file and renaming it over the state; tests use it to simulate a crash. */
    interface RenameHook {
        RenameHook NONE = temp -> { };

        void beforeRename(Path temp) throws IOException;
    }

    private final Path file;
    private final Path backup;
    private final Path lockFile;
    private final LocalLocks jvm;
    private final RenameHook hook;
    private boolean swept;
    private boolean backedUp;
    /** The file as this client last read or wrote it, to skip re-reading a file nobody has touched since. */
    private volatile Seen seen;

    /** A file's identity and ETag: every write renames a new file in, so a changed file has another key or time. */
    private record Seen(String etag, Object fileKey, long size, FileTime modified) {
    }

    /** Far above any real state (10,000 clients take about 15 MB), low enough to be read within the launcher's heap. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A state path that is a directory, a device or a pipe: /dev/zero would be read forever, a FIFO would block. */
    static StateException notARegularFile(Path file) {
        return new StateException("the state file " + file + " " + FileFailures.NOT_REGULAR + ";"
                + " check the state path in cogform.yaml");
    }

    LocalBlobClient(Path file, Path lockFile, RenameHook hook) {
        this.file = file;
        this.backup = file.resolveSibling(file.getFileName() + ".backup");
        this.lockFile = lockFile;
        this.jvm = LocalLocks.of(lockFile);
        this.hook = hook;
    }

    @Override
    public Optional<StoredBlob> get() {
        try {
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            if (!before.isRegularFile()) {
                throw notARegularFile(file);
            }
            if (before.size() > MAX_BYTES) {
                throw new StateException("the state file " + file + " is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MB, far more than the state of 10,000 clients (about 15 MB); check the state path");
            }
            byte[] bytes = Files.readAllBytes(file);
            String etag = sha256(bytes);
            remember(etag, before);
            return Optional.of(new StoredBlob(Blob.of(bytes), etag));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateException("could not read the state file " + file + ": " + FileFailures.of(e), e);
        }
    }

    @Override
    public String put(Blob blob, Precondition precondition) {
        synchronized (jvm) {
            return underLock(() -> {
                if (backedUp && unchangedSince(precondition)) {
                    sweepTempFiles();
                } else {
                    Optional<StoredBlob> current = get();
                    check(precondition, current);
                    sweepTempFiles();
                    if (!backedUp && current.isPresent()) {
                        replace(backup, current.get().data(), RenameHook.NONE);
                        backedUp = true;
                    }
                }
                seen = null;
                replace(file, blob.data(), hook);
                String etag = sha256(blob.data());
                remember(etag, Files.readAttributes(file, BasicFileAttributes.class));
                return etag;
            });
        }
    }

    @Override
    public void delete(Precondition precondition) {
        synchronized (jvm) {
            underLock(() -> {
                check(precondition, get());
                Files.deleteIfExists(file);
                Posix.syncDirectory(file.getParent());
                return null;
            });
        }
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public String recoveryAdvice() {
        return Files.exists(backup)
                ? "The state as it was before the last run that changed it is kept in " + backup
                        + "; inspect both files, and copy the backup over " + file + " to go back to it."
                : "There is no backup (" + backup + " does not exist).";
    }

    private interface Action<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} while the state's lock is held: by this JVM already, or taken for the duration. */
    private <T> T underLock(Action<T> action) {
        try {
            Posix.createPrivateDirectories(file.getParent());
            if (jvm.held != null) {
                return action.run();
            }
            try (FileChannel channel = Posix.openPrivate(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                FileLock os = channel.tryLock();
                if (os == null) {
                    throw LockConflict.locked(file.toString(), holder(channel),
                            "Writes are refused while another process holds the lock; wait for it to finish.");
                }
                try {
                    return action.run();
                } finally {
                    os.release();
                }
            }
        } catch (IOException e) {
            throw new StateException("could not write the state file " + file + ": " + e.getMessage()
                    + "; the previous state was left in place", e);
        }
    }

    /** Whether {@code precondition} asks for the ETag this client last saw, and the file is still that file. */
    private boolean unchangedSince(Precondition precondition) throws IOException {
        Seen last = seen;
        if (last == null || precondition.kind() != Precondition.Kind.MATCHES || !last.etag().equals(precondition.etag())) {
            return false;
        }
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            return now.fileKey() != null && now.fileKey().equals(last.fileKey()) && now.size() == last.size()
                    && now.lastModifiedTime().equals(last.modified());
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private void remember(String etag, BasicFileAttributes attributes) {
        seen = attributes.fileKey() == null ? null
                : new Seen(etag, attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
    }

    /** A killed writer's temp files go at the next run that takes the lock (a plan too), not only at a write. */
    @Override
    public void lockAcquired() {
        synchronized (jvm) {
            try {
                sweepTempFiles();
            } catch (IOException e) {
                LoggerFactory.getLogger(LocalBlobClient.class).debug("state {}: could not remove stale temp files: {}",
                        file, e.getMessage());
            }
        }
    }

    /**
     * Removes temp files a killed writer left beside the state and its backup. Runs under the state's
     * lock, where no other writer can be between creating and renaming one, so every one found is stale.
     */
    private void sweepTempFiles() throws IOException {
        if (swept) {
            return;
        }
        swept = true;
        String state = "." + file.getFileName() + ".";
        String old = "." + backup.getFileName() + ".";
        try (var entries = Files.newDirectoryStream(file.getParent(), p -> {
            String name = p.getFileName().toString();
            return name.endsWith(".tmp") && (name.startsWith(state) || name.startsWith(old));
        })) {
            for (Path stale : entries) {
                Files.deleteIfExists(stale);
            }
        }
    }

    private void check(Precondition precondition, Optional<StoredBlob> current) {
        boolean ok = switch (precondition.kind()) {
            case NONE -> true;
            case ABSENT -> current.isEmpty();
            case MATCHES -> current.isPresent() && current.get().etag().equals(precondition.etag());
        };
        if (!ok) {
            throw new ConditionFailedException("the state file " + file + " changed (" + precondition + " failed)");
        }
    }

    /** Atomically replaces {@code target} with {@code bytes}: temp file, fsync, rename, directory fsync. */
    private static void replace(Path target, byte[] bytes, RenameHook hook) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", Posix.privateFile(dir.getFileSystem()));
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            hook.beforeRename(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Posix.syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static LockInfo holder(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 64 * 1024));
        channel.read(buffer, 0);
        return LockInfoCodec.decode(buffer.array())
                .orElse(new LockInfo("(not yet written)", null, "another process", 0, null, null, null));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
