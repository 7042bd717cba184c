package dev.cogform.state.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Private file and directory modes (0600, 0700) where the file system has them, and directory fsync. */
final class Posix {

    private Posix() {
    }

    static FileAttribute<?>[] privateFile(FileSystem fs) {
        return posix(fs) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Creates {@code dir} (and missing parents) with mode 0700 if it does not exist. */
    static void createPrivateDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, posix(dir.getFileSystem())
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                    : new FileAttribute<?>[0]);
        }
    }

    static FileChannel openPrivate(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, Set.of(options), privateFile(file.getFileSystem()));
    }

    /** Makes a rename in {@code dir} durable; file systems that cannot sync a directory are left as they are. */
    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not supported everywhere; the rename itself is still atomic.
        }
    }

    private static boolean posix(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("posix");
    }
}
