package dev.cogform.cli.command;

import dev.cogform.core.desired.Variables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of every command that reads a stack: variables given on the command line. */
public final class StackOptions {

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "Set a variable, as $${var.NAME} reads it; repeatable; wins over --var-file and variables:.")
    private Map<String, String> vars = new LinkedHashMap<>();

    @Option(names = "--var-file", paramLabel = "FILE",
            description = "Read variables from a YAML map; repeatable; later files win.")
    private List<Path> varFiles = new ArrayList<>();

    /** The variables these options give, with the process environment for ${env.NAME}. */
    public Variables variables(Path base) {
        return new Variables(vars, varFiles.stream().map(base::resolve).toList(), System.getenv());
    }
}
