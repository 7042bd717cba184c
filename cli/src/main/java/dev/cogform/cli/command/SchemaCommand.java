package dev.cogform.cli.command;

import dev.cogform.core.desired.StackSchema;
import dev.cogform.core.diag.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cogform schema}: prints the JSON Schema of cogform.yaml for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (2020-12) of cogform.yaml, for editors.",
            "With yaml-language-server:",
            "  cogform schema > cogform.schema.json",
            "  then start cogform.yaml with: # yaml-language-server: $schema=cogform.schema.json"})
public final class SchemaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(StackSchema.json());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
