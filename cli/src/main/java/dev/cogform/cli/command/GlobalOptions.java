package dev.cogform.cli.command;

import java.nio.file.Path;
import java.util.List;

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
}
