package dev.cogform.cli.command;


import dev.cogform.cli.view.DiagnosticsView;
import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.StackFile;
import dev.cogform.core.diag.ExitCode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cogform validate}: loads the stack offline and reports every problem; no AWS call. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check cogform.yaml offline: syntax, keys, types, variables and every Cognito rule.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid (warnings allowed)", "1:invalid, or cogform.yaml missing"})
public final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private GlobalOptions main;

    @Mixin
    private StackOptions stack;

    @Option(names = "--json", description = "Print the diagnostics as a JSON array on standard output.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = main.directory();
        // Like terraform -chdir, paths given to --var-file are relative to the stack directory.
        LoadResult result = DesiredStateLoader.load(dir, stack.variables(dir));
        var sources = DiagnosticsView.SourceLines.files(dir);
        if (json) {
            DiagnosticsView.printJson(spec.commandLine().getOut(), result.diagnostics());
        } else if (result.ok()) {
            DiagnosticsView.printHuman(spec.commandLine().getErr(), result.diagnostics(), sources);
            spec.commandLine().getOut().println("Success: " + StackFile.displayName(dir) + " is valid ("
                    + DiagnosticsView.summary(result.diagnostics()) + ").");
        } else {
            DiagnosticsView.printHuman(spec.commandLine().getErr(), result.diagnostics(), sources);
        }
        spec.commandLine().getOut().flush();
        return result.ok() ? ExitCode.OK : ExitCode.ERROR;
    }
}
