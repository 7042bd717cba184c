package dev.cogform.cli.command;

import java.nio.file.Path;

/**
 * The options every command inherits from the root command ({@code -C DIR}, {@code --debug}). Commands
 * see the root through this interface, so the command package does not depend on {@code Main}.
 */
public interface GlobalOptions {

    /** The stack directory given with {@code -C} (default: the working directory). */
    Path directory();

    boolean debug();
}
