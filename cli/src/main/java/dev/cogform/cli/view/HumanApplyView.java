package dev.cogform.cli.view;

import dev.cogform.core.apply.ApplyResult;
import dev.cogform.core.apply.Outcome;
import dev.cogform.core.apply.SecretOutcome;
import dev.cogform.core.plan.SecretChange;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PriorClient;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.plan.StateChange;
import java.io.PrintWriter;
import java.util.List;

/** Progress lines per change ({@code main.web: Creating...}) and the closing report. */
public final class HumanApplyView implements ApplyView {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Colors c;

    public HumanApplyView(PrintWriter out, PrintWriter err, Colors colors) {
        this.out = out;
        this.err = err;
        this.c = colors;
    }

    @Override
    public synchronized void onStart(ResourceChange change) {
        String doing = switch (change.action()) {
            case CREATE -> "Creating...";
            case UPDATE -> "Modifying... [client " + priorId(change) + "]";
            case REPLACE -> "Replacing... [client " + priorId(change) + "]";
            case DELETE -> "Destroying... [client " + priorId(change) + "]";
            case NO_OP -> "Checking...";
        };
        out.println(c.bold(change.address() + ":") + " " + doing);
        out.flush();
    }

    @Override
    public synchronized void onComplete(ResourceChange change, Outcome outcome) {
        if (outcome.status() == Outcome.Status.FAILED) {
            out.println(c.bold(change.address() + ":") + " " + c.red("Failed: " + outcome.message()));
        } else {
            String done = switch (change.action()) {
                case CREATE -> "Creation complete [client " + outcome.clientId() + "]";
                case UPDATE -> "Modifications complete [client " + outcome.clientId() + "]";
                case REPLACE -> "Replacement complete [client " + outcome.clientId() + ", was " + priorId(change) + "]";
                case DELETE -> "Destruction complete";
                case NO_OP -> "Unchanged";
            };
            out.println(c.bold(change.address() + ":") + " " + done);
        }
        out.flush();
    }

    @Override
    public void result(Plan plan, ApplyResult result) {
        new DiagnosticsView(err, c).render(result.diagnostics());
        out.println();
        // Imports are recorded as state changes before any Cognito call; they are counted as imports.
        long imports = plan.stateChanges().stream().filter(s -> s.kind() == StateChange.Kind.IMPORT).count();
        long recorded = result.stateChanges() - (result.stateChanges() > 0 ? imports : 0);
        if (recorded > 0) {
            out.println("Recorded " + recorded + " state change" + (recorded == 1 ? "" : "s") + ".");
        }
        for (SecretOutcome o : result.secretOutcomes()) {
            String what = o.kind() == SecretChange.Kind.ROTATE ? "secret rotated" : "old secret deleted";
            String how = switch (o.status()) {
                case DONE -> ": " + what + " (secret " + o.secretId() + (o.adopted()
                        ? (o.kind() == SecretChange.Kind.ROTATE ? ", added by an interrupted apply and now recorded)"
                                : ", already gone)")
                        : ")") + (o.kind() == SecretChange.Kind.ROTATE ? "; 'cogform secret " + o.address()
                        + "' prints it" : "");
                case FAILED -> ": " + what.replace("rotated", "rotation").replace("deleted", "deletion") + " failed: "
                        + o.message();
                case NOT_ATTEMPTED -> ": " + o.kind().code() + " not attempted because an earlier change failed";
            };
            out.println(o.address() + how);
        }
        List<Outcome> done = result.with(Outcome.Status.DONE);
        if (!result.failed()) {
            out.println(c.green(c.bold("Apply complete!")) + " Clients: "
                    + (imports > 0 && result.stateChanges() > 0 ? imports + " imported, " : "") + count(done, Action.CREATE) + " added, "
                    + count(done, Action.UPDATE) + " changed, " + count(done, Action.REPLACE) + " replaced, "
                    + count(done, Action.DELETE) + " destroyed" + (result.secretOutcomes().isEmpty() ? "" : "; secrets: "
                    + secretCount(result, SecretChange.Kind.ROTATE) + " rotated, " + secretCount(result,
                    SecretChange.Kind.DELETE_OLD) + " old deleted") + ".");
            out.flush();
            return;
        }
        List<Outcome> failed = result.with(Outcome.Status.FAILED);
        List<Outcome> skipped = result.with(Outcome.Status.NOT_ATTEMPTED);
        out.println(c.red(c.bold("Apply failed:")) + " " + done.size() + " done, " + failed.size() + " failed, "
                + skipped.size() + " not attempted.");
        done.forEach(o -> out.println("  done:          " + o.address() + " (" + o.action().word() + ")"));
        failed.forEach(o -> out.println("  failed:        " + o.address() + " (" + o.action().word() + "): " + o.message()));
        skipped.forEach(o -> out.println("  not attempted: " + o.address() + " (" + o.action().word() + ")"));
        out.println("The state records everything that was done. Fix the cause, then run cogform plan and apply again.");
        out.flush();
    }

    @Override
    public void refused(Plan plan, List<Diagnostic> reasons) {
        new DiagnosticsView(err, c).render(reasons);
        err.println(c.red(c.bold("The saved plan is stale and was not applied.")) + " Nothing was changed;"
                + " run cogform plan again, review it, and apply the new plan.");
        err.flush();
    }

    /** The client a change acts on; every action but a create has one. */
    private static String priorId(ResourceChange change) {
        return change.existing().map(PriorClient::clientId).orElseThrow();
    }

    private static long secretCount(ApplyResult result, SecretChange.Kind kind) {
        return result.secretOutcomes().stream()
                .filter(o -> o.kind() == kind && o.status() == Outcome.Status.DONE).count();
    }

    private static long count(List<Outcome> outcomes, Action action) {
        return outcomes.stream().filter(o -> o.action() == action).count();
    }
}
