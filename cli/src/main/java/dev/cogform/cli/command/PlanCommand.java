package dev.cogform.cli.command;


import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.view.Colors;
import dev.cogform.cli.view.DiagnosticsView;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.diag.FileFailures;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cogform plan}: refresh, plan, show; optionally save the plan for {@code apply FILE}. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would change: compares cogform.yaml, the state and the live clients.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no changes (or changes, without --detailed-exitcode)", "1:error",
            "2:--detailed-exitcode: changes present (drift counts)"})
public final class PlanCommand implements Callable<Integer> {

    private final StackServices services;

    @ParentCommand
    private GlobalOptions main;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Mixin
    private OutputOptions output;

    @Mixin
    private PlanFormatOptions format;

    @Mixin
    private PlanningOptions planning;

    @Mixin
    private LockOptions lock;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the plan here, for 'cogform apply FILE'.")
    private Path outFile;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when none, 1 on error.")
    private boolean detailedExitCode;

    public PlanCommand(StackServices services) {
        this.services = services;
    }

    public PlanCommand() {
        this(StackServices.standard());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlanFormatOptions.Format chosen = format.format(output);
        Colors colors = chosen == PlanFormatOptions.Format.TEXT ? output.colors(services, main.noColor()) : Colors.OFF;
        boolean text = chosen == PlanFormatOptions.Format.TEXT;
        Plan plan;
        try (StackSession session = StackSession.load(services, main.directory(), stack.variables(main.directory()), err, colors)
                .lock("plan", lock.lockTimeout())) {
            plan = session.plan(session.store.read(), planning, err);
        }
        format.view(chosen, out, colors, main.directory().toString()).render(plan);
        new DiagnosticsView(err, colors).render(plan.diagnostics());
        if (plan.errored()) {
            if (outFile != null) {
                err.println("cogform: the plan has errors; it was not saved to " + outFile);
            }
            return ExitCode.ERROR;
        }
        if (outFile != null) {
            Path file = main.directory().resolve(outFile);
            try {
                Files.writeString(file, PlanFile.write(plan));
            } catch (IOException e) {
                err.println("cogform: cannot save the plan to " + file + ": " + FileFailures.writing(file, e)
                        + "; the plan was not saved (--out is relative to the stack directory)");
                return ExitCode.ERROR;
            }
            if (text) {
                out.println();
                out.println("Saved the plan to " + outFile + " (" + plan.digest() + ").");
                out.println("To perform exactly these actions, run: cogform apply " + outFile);
            }
        } else if (text && plan.applyable()) {
            out.println();
            out.println("Note: you didn't use --out to save this plan, so cogform can't guarantee to take exactly"
                    + " these actions if you run \"cogform apply\" now.");
        }
        out.flush();
        return detailedExitCode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }
}
