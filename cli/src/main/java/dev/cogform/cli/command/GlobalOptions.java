package dev.cogform.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The options every command inherits from the root command ({@code -C DIR}, {@code --no-color}, {@code --debug}). Commands
 * see the root through this interface, so the command package does not depend on {@code Main}.
 */
public interface GlobalOptions {

    /** The stack directory given with {@code -C}, the last one if several (default: the working directory). */
    Path directory();

    /** Every {@code -C} given, in order; empty when none was ({@code drift} checks several stacks). */
    List<Path> directories();

    /** Whether {@code --no-color} was given, to this command or any above it. */
    boolean noColor();

    boolean debug();

    /**
     * Why a {@code -C} directory cannot be used (it does not exist, or is a file), in the stack loader's
     * words; empty when every one is a directory. For the commands that do not read the stack through
     * the loader, which says it itself.
     */
    default Optional<String> unusableDirectory() {
        for (Path d : directories()) {
            if (!Files.isDirectory(d)) {
                return Optional.of("the stack directory " + d + (Files.exists(d) ? " is a file, not a directory"
                        : " does not exist" + (d.isAbsolute() ? "" : " (in " + Path.of("").toAbsolutePath() + ")"))
                        + "; check the path given to -C");
            }
        }
        return Optional.empty();
    }
}
