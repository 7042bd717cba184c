package dev.cogform.cli.command;

import java.nio.file.Path;
import java.util.List;

/**
 * The options every command inherits from the root command ({@code -C DIR}, {@code --debug}). Commands
 * see the root through this interface, so the command package does not depend on {@code Main}.
 */
public interface GlobalOptions {

    /** The stack directory given with {@code -C}, the last one if several (default: the working directory). */
    Path directory();

    /** Every {@code -C} given, in order; empty when none was ({@code drift} checks several stacks). */
    List<Path> directories();

    boolean debug();
}
