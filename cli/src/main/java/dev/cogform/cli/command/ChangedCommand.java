package dev.cogform.cli.command;

import dev.cogform.cli.git.ChangedStacks;
import dev.cogform.cli.view.ChangedView;
import dev.cogform.core.diag.ExitCode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cogform changed --base REF}: the stacks a branch changes, for CI fan-out. Reads git only. */
@Command(name = "changed", mixinStandardHelpOptions = true,
        description = {"List the stacks (directories with cogform.yaml, under this one) whose YAML files differ between"
                + " the merge base of REF and HEAD plus the working tree.",
            "Needs the history down to the merge base: fetch-depth: 0 in actions/checkout."})
public final class ChangedCommand implements Callable<Integer> {

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--base", paramLabel = "REF", required = true,
            description = "The branch the changes are made against, e.g. origin/main.")
    private String base;

    @Option(names = "--json", description = "Print a JSON document with each stack's status and files.")
    private boolean json;

    @Override
    public Integer call() {
        Optional<String> unusable = main.unusableDirectory();
        if (unusable.isPresent()) {
            spec.commandLine().getErr().println("cogform: " + unusable.get());
            return ExitCode.ERROR;
        }
        ChangedStacks.Result result = ChangedStacks.find(main.directory(), base);
        ChangedView view = new ChangedView(spec.commandLine().getOut(), spec.commandLine().getErr());
        if (json) {
            view.json(result);
        } else {
            view.text(result);
        }
        return ExitCode.OK;
    }
}
