package dev.cogform.core.desired;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Variable sources beyond the stack's own {@code variables:}: {@code --var NAME=VALUE} values,
 * {@code --var-file} files (YAML maps, later files win) and the process environment for
 * {@code ${env.NAME}}. Precedence: --var over --var-file over {@code variables:}.
 */
public record Variables(Map<String, String> cli, List<Path> files, Map<String, String> environment) {

    public Variables {
        cli = Map.copyOf(cli);
        files = List.copyOf(files);
        environment = Map.copyOf(environment);
    }

    public static Variables none() {
        return new Variables(Map.of(), List.of(), Map.of());
    }
}
