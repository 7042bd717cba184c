package dev.cogform.state.local;

import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a state kept in a local file. */
public final class LocalStore {

    private LocalStore() {
    }

    /**
     * The state in {@code stateFile} (created on first write, its directory with mode 0700), with the
     * backup {@code <stateFile>.backup} and the lock {@code <stateFile>.lock} beside it.
     */
    public static BlobStateStore open(Path stateFile) {
        return open(stateFile, LocalBlobClient.RenameHook.NONE);
    }

    static BlobStateStore open(Path stateFile, LocalBlobClient.RenameHook hook) {
        Path file = stateFile.toAbsolutePath().normalize();
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw LocalBlobClient.notARegularFile(stateFile); // before any lock file is made beside it
        }
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        return new BlobStateStore(new LocalBlobClient(file, lockFile, hook), new FileLocker(lockFile, file.toString()),
                new Warnings());
    }
}
