package dev.cogform.core.diag;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file could not be read or written, in words. Java's file exceptions carry a path and little
 * else ({@code NoSuchFileException: x}), and their names mean nothing to someone running a command.
 */
public final class FileFailures {

    /**
     * What a path that must be a file, and is a directory, a device or a pipe, is: such a path is refused
     * before it is read, since /dev/zero would be read forever and a FIFO would block.
     */
    public static final String NOT_REGULAR = "is not a regular file (a directory, device or pipe)";

    private FileFailures() {
    }

    /** What went wrong reading {@code file}, to follow its name: "does not exist (looked for /abs/x)". */
    public static String reading(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "does not exist (looked for " + file.toAbsolutePath().normalize() + ")";
        }
        if (Files.isDirectory(file)) {
            return "is a directory, not a file";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot be read: permission denied";
        }
        return "cannot be read: " + reason(e);
    }

    /** Why {@code file} could not be written: "the directory /x does not exist", "permission denied". */
    public static String writing(Path file, IOException e) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return "the directory " + parent + " does not exist";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it cannot be created there"; // its directory exists, yet refuses it (a /proc, say)
        }
        return reason(e);
    }

    /** For a file error caught where it is not known whether it was read or written: "x: permission denied". */
    public static String of(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
        if (e instanceof NoSuchFileException) {
            return file + "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return file + "permission denied";
        }
        return file + reason(e);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason(); // the system's words: "Read-only file system", "No space left on device"
        }
        return e.getMessage() != null ? e.getMessage() : "input or output failed";
    }
}
