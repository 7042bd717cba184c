package dev.cogform.cli.command;

import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.view.Colors;
import picocli.CommandLine.Option;

/** {@code --json}; {@code --no-color} is every command's, on {@link dev.cogform.cli.Main}. */
public final class OutputOptions {

    @Option(names = "--json", description = "Print the versioned JSON document (docs/json-output.md) instead of text.")
    boolean json;

    public boolean json() {
        return json;
    }

    /** Colour only on a terminal, without --no-color and without a non-empty NO_COLOR (no-color.org). */
    public Colors colors(StackServices services, boolean noColor) {
        String env = services.environment().get("NO_COLOR");
        boolean on = !noColor && !json && (env == null || env.isEmpty()) && services.terminal().interactive();
        return new Colors(on);
    }
}
