package dev.cogform.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;

/**
 * The sandbox's private data file: every pool with its clients (secrets included, so the file is
 * created owner-only, mode 0600), identity providers and resource servers. Each save writes a temp
 * file in the same directory, fsyncs it and atomically moves it over the old one, so a crash leaves
 * either the old or the new content.
 */
final class DataFile {

    static final String FORMAT = "cogform-sandbox/1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path path;

    record Content(String format, List<PoolEntry> pools) {
    }

    DataFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** The stored pools; none when the file does not exist yet. Fails saying which file is unreadable. */
    List<PoolEntry> load() {
        sweepTempFiles();
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            Content content = MAPPER.readValue(path.toFile(), Content.class);
            if (!FORMAT.equals(content.format())) {
                throw new IllegalStateException("sandbox data file " + path + " has format '" + content.format()
                        + "', expected '" + FORMAT + "'; move it away or use another --data file");
            }
            return content.pools() == null ? List.of() : content.pools();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox data file " + path + " is not readable sandbox data ("
                    + e.getOriginalMessage() + "); move it away or use another --data file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the sandbox data file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes temp files a killed sandbox left beside the data file. Nothing locks the file, so only
     * ones older than a minute go: a live writer renames its temp file within milliseconds.
     */
    private void sweepTempFiles() {
        Path dir = path.getParent();
        String prefix = "." + path.getFileName() + ".";
        long cutoff = System.currentTimeMillis() - 60_000;
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix)
                && p.getFileName().toString().endsWith(".tmp"))) {
            for (Path stale : entries) {
                if (Files.getLastModifiedTime(stale).toMillis() < cutoff) {
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException e) {
            // Left for the next start: a stale temp file wastes space but harms nothing.
        }
    }

    void save(Collection<PoolEntry> pools) {
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp", ownerOnly());
            try {
                byte[] bytes = MAPPER.writeValueAsBytes(new Content(FORMAT, List.copyOf(pools)));
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                move(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the sandbox data file " + path + ": " + e.getMessage(), e);
        }
    }

    private void move(Path tmp) throws IOException {
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** Makes the rename durable; some file systems cannot open a directory, which is harmless. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the data itself is already fsynced
        }
    }
}
