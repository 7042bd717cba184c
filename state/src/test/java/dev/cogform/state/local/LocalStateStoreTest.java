package dev.cogform.state.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.state.StateException;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.state.blob.Blob;
import dev.cogform.state.blob.BlobClient;
import dev.cogform.state.blob.BlobStateStore;
import dev.cogform.state.blob.CasRaceContract;
import dev.cogform.state.blob.LockRaceContract;
import dev.cogform.state.blob.Precondition;
import dev.cogform.state.blob.Snapshots;
import dev.cogform.state.blob.StoredBlob;
import dev.cogform.state.format.CorruptStateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the local-file store, plus what only a file has: modes, backup, atomic replacement. */
class LocalStateStoreTest implements LockRaceContract, CasRaceContract {

    @TempDir
    Path stack;
    private Path file;

    @BeforeEach
    void location() {
        file = stack.resolve(".cogform").resolve("state.json");
    }

    @Override
    public BlobStateStore openStore() {
        return LocalStore.open(file);
    }

    @Override
    public boolean unlockAdvised() {
        return false; // an OS lock ends with its process; the message says to stop that process instead
    }

    /** Direct file access, as damage from outside would happen: no lock, no backup. */
    @Override
    public BlobClient rawState() {
        LocalBlobClient real = new LocalBlobClient(file, lockFile(), LocalBlobClient.RenameHook.NONE);
        return new BlobClient() {
            @Override
            public Optional<StoredBlob> get() {
                return real.get();
            }

            @Override
            public String put(Blob blob, Precondition precondition) {
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, blob.data());
                    return LocalBlobClient.sha256(blob.data());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void delete(Precondition precondition) {
                throw new UnsupportedOperationException("not needed by the tests");
            }

            @Override
            public String location() {
                return real.location();
            }

            @Override
            public String recoveryAdvice() {
                return real.recoveryAdvice();
            }
        };
    }

    private Path lockFile() {
        return file.resolveSibling("state.json.lock");
    }

    private Path backup() {
        return file.resolveSibling("state.json.backup");
    }

    @Test
    void aStatePathThatIsNotARegularFile_isRefused_beforeALockFileIsMade() throws Exception {
        Path fifo = stack.resolve("fifo.json");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path directory = Files.createDirectories(stack.resolve("dir.json"));

        for (Path p : new Path[] {fifo, directory, Path.of("/dev/zero")}) {
            assertThatThrownBy(() -> LocalStore.open(p)).isInstanceOf(StateException.class)
                    .hasMessageContaining("is not a regular file (a directory, device or pipe)");
        }
        assertThat(stack.resolve("fifo.json.lock")).doesNotExist();
    }

    @Test
    void aStateFileFarLargerThanAnyState_isRefused_unread() throws IOException {
        Path huge = stack.resolve("huge.json");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(LocalBlobClient.MAX_BYTES + 1); // sparse: nothing is written
        }

        assertThatThrownBy(() -> LocalStore.open(huge).read()).isInstanceOf(StateException.class)
                .hasMessageContaining("is larger than 64 MB");
    }

    @Test
    void files_arePrivate_andTheDirectoryIsCreatedPrivate() throws IOException {
        BlobStateStore store = openStore();
        StateSnapshot s = store.write(Snapshots.with(store.read(), "main.a"));
        store.lock("apply", java.time.Duration.ZERO).close();
        store.write(Snapshots.with(s, "main.b"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        for (Path p : new Path[] {file, backup(), lockFile()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void write_keepsThePreviousVersionAsBackup() throws IOException {
        BlobStateStore store = openStore();
        StateSnapshot first = store.write(Snapshots.with(store.read(), "main.a"));
        byte[] firstBytes = Files.readAllBytes(file);
        assertThat(backup()).doesNotExist();

        store.write(Snapshots.with(first, "main.b"));
        assertThat(Files.readAllBytes(backup())).isEqualTo(firstBytes);
        assertThat(LocalStore.open(backup()).read()).isEqualTo(first);
    }

    @Test
    void backup_isWrittenOncePerRun_holdingTheStateFromBeforeTheRun() throws IOException {
        StateSnapshot before = openStore().write(Snapshots.with(openStore().read(), "main.a"));
        byte[] beforeBytes = Files.readAllBytes(file);
        BlobStateStore run = openStore();
        StateSnapshot s = run.read();
        for (String address : new String[] {"main.b", "main.c", "main.d"}) {
            s = run.write(Snapshots.with(s, address));
        }

        assertThat(Files.readAllBytes(backup())).isEqualTo(beforeBytes);
        assertThat(LocalStore.open(backup()).read()).isEqualTo(before);
        assertThat(openStore().read()).isEqualTo(s);
        assertThat(s.serial()).isEqualTo(before.serial() + 3);
    }

    @Test
    void aWriteAfterTheFileChangedBehindTheStore_isRefused_evenWithoutReReading() throws IOException {
        BlobStateStore run = openStore();
        StateSnapshot mine = run.write(Snapshots.with(run.read(), "main.a"));
        // Another writer that bypassed the lock replaces the file with its own version of the same serial.
        BlobStateStore other = openStore();
        other.write(Snapshots.with(mine, "main.other"));
        byte[] theirs = Files.readAllBytes(file);

        assertThatThrownBy(() -> run.write(Snapshots.with(mine, "main.b")))
                .isInstanceOf(dev.cogform.core.state.StaleStateException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(theirs);
    }

    @Test
    void writeInterruptedBeforeTheRename_leavesTheOldStateIntact() throws IOException {
        StateSnapshot old = openStore().write(Snapshots.with(openStore().read(), "main.a"));
        byte[] before = Files.readAllBytes(file);
        BlobStateStore crashing = LocalStore.open(file, temp -> {
            assertThat(temp.getParent()).isEqualTo(file.getParent());
            assertThat(Files.size(temp)).isPositive();
            throw new IOException("simulated crash before rename");
        });

        assertThatThrownBy(() -> crashing.write(Snapshots.with(old, "main.b")))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("simulated crash").hasMessageContaining("previous state was left in place");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(openStore().read()).isEqualTo(old);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("state.json", "state.json.backup", "state.json.lock");
        }
    }

    @Test
    void damagedFile_messageNamesTheFileAndItsBackup_andNeitherIsTouched() throws IOException {
        BlobStateStore store = openStore();
        StateSnapshot first = store.write(Snapshots.with(store.read(), "main.a"));
        store.write(Snapshots.with(first, "main.b"));
        byte[] backupBytes = Files.readAllBytes(backup());
        byte[] damaged = "{\"format\": \"cogform-state\", \"ver".getBytes();
        Files.write(file, damaged);

        assertThatThrownBy(() -> openStore().read()).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("cannot read the state " + file)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("before the last run that changed it is kept in " + backup());
        assertThatThrownBy(() -> openStore().write(first)).isInstanceOf(CorruptStateException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
        assertThat(Files.readAllBytes(backup())).isEqualTo(backupBytes);
    }

    @Test
    void damagedFile_withoutBackup_saysThereIsNone() throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, "[]".getBytes());
        assertThatThrownBy(() -> openStore().read()).hasMessageContaining("not a JSON object")
                .hasMessageContaining("There is no backup (" + backup() + " does not exist)");
    }

    @Test
    void tempFilesLeftByAKilledWriter_areRemovedByTheNextWrite_othersAreKept() throws IOException {
        StateSnapshot first = openStore().write(Snapshots.with(openStore().read(), "main.a"));
        Path dir = file.getParent();
        Path leftState = Files.writeString(dir.resolve(".state.json.8431279.tmp"), "{\"format\": \"cogform-st");
        Path leftBackup = Files.writeString(dir.resolve(".state.json.backup.99120.tmp"), "");
        Path unrelated = Files.writeString(dir.resolve(".sandbox.json.5.tmp"), "x");

        openStore().write(Snapshots.with(first, "main.b"));

        assertThat(leftState).doesNotExist();
        assertThat(leftBackup).doesNotExist();
        assertThat(unrelated).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".state.json"))).isEmpty();
        }
    }

    @Test
    void tempFilesLeftByAKilledWriter_areRemovedWhenTheNextRunTakesTheLock_evenIfItWritesNothing() throws IOException {
        openStore().write(Snapshots.with(openStore().read(), "main.a"));
        Path left = Files.writeString(file.getParent().resolve(".state.json.8431279.tmp"), "{\"format\": \"cog");
        BlobStateStore store = openStore();

        try (var lock = store.lock("plan", java.time.Duration.ZERO)) {
            assertThat(left).doesNotExist();
        }
        assertThat(store.read().clients()).hasSize(1);
    }
}
