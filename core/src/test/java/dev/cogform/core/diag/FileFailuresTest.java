package dev.cogform.core.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java's file exceptions, said in words, from the real exceptions the file system throws. */
class FileFailuresTest {

    @TempDir
    Path dir;

    @Test
    void reading_aMissingFile_orADirectory() {
        Path missing = dir.resolve("nope.yaml");

        IOException notThere = thrown(() -> Files.readString(missing));
        IOException isDir = thrown(() -> Files.readString(dir));

        assertThat(notThere).isInstanceOf(NoSuchFileException.class);
        assertThat(FileFailures.reading(missing, notThere)).isEqualTo("does not exist (looked for " + missing + ")");
        assertThat(FileFailures.reading(dir, isDir)).isEqualTo("is a directory, not a file");
        assertThat(FileFailures.reading(missing, new AccessDeniedException(missing.toString())))
                .isEqualTo("cannot be read: permission denied");
    }

    @Test
    void writing_intoAMissingDirectory_orOverADirectory() {
        Path file = dir.resolve("no/such/out.json");

        IOException noDir = thrown(() -> Files.writeString(file, "x"));
        IOException isDir = thrown(() -> Files.writeString(dir, "x"));

        assertThat(FileFailures.writing(file, noDir)).isEqualTo("the directory " + dir.resolve("no/such") + " does not exist");
        assertThat(FileFailures.writing(dir, isDir)).isEqualTo("it is a directory");
    }

    @Test
    void of_namesTheFileAndTheSystemsReason_neverTheExceptionsName() {
        assertThat(FileFailures.of(new NoSuchFileException("/x/y"))).isEqualTo("/x/y: no such file or directory");
        assertThat(FileFailures.of(new FileSystemException("/x/y", null, "Read-only file system")))
                .isEqualTo("/x/y: Read-only file system");
        assertThat(FileFailures.of(new IOException())).isEqualTo("input or output failed");
    }

    private interface Io {
        void run() throws IOException;
    }

    private static IOException thrown(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("no IOException");
    }
}
