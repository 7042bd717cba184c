package dev.cogform.cli.command;


import dev.cogform.cli.wiring.StackServices;
import dev.cogform.cli.view.ApplyView;
import dev.cogform.cli.view.Colors;
import dev.cogform.cli.view.DiagnosticsView;
import dev.cogform.cli.view.HumanApplyView;
import dev.cogform.cli.view.HumanPlanView;
import dev.cogform.cli.view.JsonApplyView;
import dev.cogform.core.apply.ApplyResult;
import dev.cogform.core.apply.Applier;
import dev.cogform.core.apply.SavedPlanCheck;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.ExitCode;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.state.StateSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cogform apply [FILE]}: with FILE, applies exactly that saved plan or refuses it as stale
 * (exit 3); without, plans, shows the plan and asks for {@code yes}. All of it under the state lock.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Make Cognito match cogform.yaml: apply a saved plan, or plan and apply after approval.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (or nothing to do)", "1:error, failed change or not approved",
            "3:the saved plan is stale and was refused"})
public final class ApplyCommand implements Callable<Integer> {

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
    private PlanningOptions planning;

    @Mixin
    private LockOptions lock;

    @Option(names = "--auto-approve", description = "Apply without asking; needed when not on a terminal.")
    private boolean autoApprove;

    @Option(names = "--require-commit", paramLabel = "SHA",
            description = "With FILE: refuse (exit 3) unless the plan was made at this commit (or PR head); 7+ hex digits.")
    private String requireCommit;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A plan saved with 'cogform plan --out FILE'.")
    private Path planFile;

    public ApplyCommand(StackServices services) {
        this.services = services;
    }

    public ApplyCommand() {
        this(StackServices.standard());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Colors colors = output.colors(services, main.noColor());
        if (planFile != null && (!planning.targets().isEmpty() || !planning.refresh() || !planning.rotateSecrets().isEmpty())) {
            err.println("cogform: --target, --refresh and --rotate-secret belong to the plan; a saved plan is applied as"
                    + " it was made");
            return ExitCode.ERROR;
        }
        if (requireCommit != null && (planFile == null || !requireCommit.matches("[0-9a-fA-F]{7,40}"))) {
            err.println(planFile == null ? "cogform: --require-commit checks a saved plan; give the plan FILE too"
                    : "cogform: --require-commit " + requireCommit + " is not a commit id; give 7 to 40 hex digits");
            return ExitCode.ERROR;
        }
        Plan saved = planFile == null ? null : ShowCommand.SavedPlans.read(main.directory().resolve(planFile));
        ApplyView view = output.json() ? new JsonApplyView(out) : new HumanApplyView(out, err, colors);
        try (StackSession session = StackSession.load(services, main.directory(), stack.variables(main.directory()), err, colors)
                .lock("apply", lock.lockTimeout())) {
            StateSnapshot state = session.store.read();
            Plan plan;
            if (saved != null) {
                plan = saved;
                if (!output.json()) {
                    new HumanPlanView(out, colors).provider(plan);
                    new HumanPlanView(out, colors).provenance(plan);
                    out.println();
                }
                List<Diagnostic> stale = new java.util.ArrayList<>(
                        SavedPlanCheck.provenance(plan, session.provenanceNow(), requireCommit));
                stale.addAll(SavedPlanCheck.check(plan, session.desired, state, session.gateway));
                if (!stale.isEmpty()) {
                    view.refused(plan, stale);
                    return ExitCode.STALE_PLAN;
                }
            } else {
                if (output.json() && !autoApprove) {
                    err.println("cogform: apply --json cannot ask for approval; add --auto-approve");
                    return ExitCode.ERROR;
                }
                plan = session.plan(state, planning, err);
                if (!output.json()) {
                    new HumanPlanView(out, colors).render(plan);
                    out.println();
                }
            }
            if (plan.errored()) {
                new DiagnosticsView(err, colors).render(plan.diagnostics());
                err.println("cogform: the plan has errors; nothing was applied");
                return ExitCode.ERROR;
            }
            if (!plan.applyable()) {
                if (output.json()) {
                    view.result(plan, new ApplyResult(List.of(), 0, List.of(), state.version()));
                } else if (saved != null) {
                    out.println("No changes. The saved plan " + planFile + " has nothing to apply.");
                    out.flush();
                }
                return ExitCode.OK;
            }
            if (saved == null && !autoApprove && !approved(out, err)) {
                return ExitCode.ERROR;
            }
            if (!autoApprove && !duplicatesApproved(plan, out, err)) {
                return ExitCode.ERROR;
            }
            ApplyResult result = new Applier(session.gateway, session.store, services.clock(), view, Applier.DEFAULT_PARALLELISM)
                    .apply(plan, state, session.heldLock());
            view.result(plan, result);
            return result.failed() ? ExitCode.ERROR : ExitCode.OK;
        }
    }

    /**
     * A plan that creates a client named like an unmanaged one is asked about again, saved or not: Cognito
     * allows the duplicate, but it is almost never wanted ({@code import_id} adopts the existing one).
     */
    private boolean duplicatesApproved(Plan plan, PrintWriter out, PrintWriter err) {
        List<Diagnostic> duplicates = plan.diagnostics().stream()
                .filter(d -> Planner.DUPLICATE_NAME.equals(d.rule())).toList();
        if (duplicates.isEmpty()) {
            return true;
        }
        StackServices.Terminal terminal = services.terminal();
        if (!terminal.interactive()) {
            err.println("cogform: this plan creates " + duplicates.size() + " client(s) with the name of an existing,"
                    + " unmanaged client (see the warnings); add import_id to adopt them, or confirm the duplicates"
                    + " with --auto-approve");
            return false;
        }
        out.println("This plan creates a second client with the name of an existing one:");
        duplicates.forEach(d -> out.println("  " + d.path() + ": " + d.message()));
        out.println("  Only 'yes' will be accepted to create the duplicates.");
        out.println();
        out.print("  Enter a value: ");
        out.flush();
        String answer = terminal.readLine();
        out.println();
        if (!"yes".equals(answer == null ? null : answer.trim())) {
            err.println("Apply cancelled.");
            return false;
        }
        return true;
    }

    private boolean approved(PrintWriter out, PrintWriter err) {
        StackServices.Terminal terminal = services.terminal();
        if (!terminal.interactive()) {
            err.println("cogform: apply needs approval, and there is no terminal to ask on; review the plan and"
                    + " run 'cogform apply --auto-approve', or save it with 'cogform plan --out FILE' and apply FILE");
            return false;
        }
        out.println("Do you want to perform these actions?");
        out.println("  cogform will perform the actions described above.");
        out.println("  Only 'yes' will be accepted to approve.");
        out.println();
        out.print("  Enter a value: ");
        out.flush();
        String answer = terminal.readLine();
        out.println();
        if (!"yes".equals(answer == null ? null : answer.trim())) {
            err.println("Apply cancelled.");
            return false;
        }
        return true;
    }
}
