package dev.cogform.cli.view;

import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.ActionReason;
import dev.cogform.core.plan.AttributeDiff;
import dev.cogform.core.plan.DeletedClient;
import dev.cogform.core.plan.Drift;
import dev.cogform.core.plan.GitProvenance;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PriorClient;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.plan.SecretChange;
import dev.cogform.core.plan.StateChange;
import dev.cogform.core.plan.UnmanagedClient;
import java.io.PrintWriter;
import dev.cogform.core.model.ClientAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan in Terraform's idiom: {@code +} create, {@code ~} update, {@code +/-} replace, {@code -}
 * destroy, field-level {@code before -> after}, sets as added and removed elements, a "changed outside
 * cogform" section, and the summary line. All wording lives here; the plan is only read.
 */
public final class HumanPlanView implements PlanView {

    private final PrintWriter out;
    private final Colors c;

    public HumanPlanView(PrintWriter out, Colors colors) {
        this.out = out;
        this.c = colors;
    }

    /** Per client, the fields the drift section shows as changed outside cogform, with their values before. */
    private Map<ClientAddress, Map<AppClientField, Object>> driftedFields = Map.of();

    @Override
    public void render(Plan plan) {
        driftedFields = new HashMap<>();
        for (Drift d : plan.drift()) {
            d.diffs().forEach(x -> driftedFields.computeIfAbsent(d.address(), a -> new HashMap<>()).put(x.field(), x.before()));
        }
        provider(plan);
        if (!plan.refreshed()) {
            out.println(c.bold("Note:") + " planned from the recorded state only (--refresh=false);"
                    + " changes made outside cogform are not detected.");
            out.println();
        }
        drift(plan.drift());
        // An import is a state change too, but it is shown with its client's change below.
        stateChanges(plan.stateChanges().stream().filter(s -> s.kind() != StateChange.Kind.IMPORT).toList());
        // Imports are shown with the changes, whether or not an update follows them.
        List<ResourceChange> actions = plan.changes().stream()
                .filter(ch -> ch.action() != Action.NO_OP || ch.importing().isPresent()).toList();
        if (actions.isEmpty() && plan.errored()) {
            // Not only failed reads end here (an unknown --target does too); the errors follow on stderr.
            out.println(c.red(c.bold("Planning failed.")));
        } else if (actions.isEmpty() && !plan.secretChanges().isEmpty()) {
            secretChanges(plan.secretChanges());
            out.println(c.bold("Plan:") + " " + secretCounts(plan) + ".");
        } else if (actions.isEmpty()) {
            if (plan.stateChanges().isEmpty() && plan.drift().isEmpty()) {
                out.println(c.green(c.bold("No changes.")) + " The app clients match cogform.yaml.");
            } else {
                out.println(c.bold("No changes to app clients.") + " Applying records the state changes above.");
            }
        } else {
            legend(actions);
            out.println("cogform will perform the following actions:");
            out.println();
            actions.forEach(this::change);
            secretChanges(plan.secretChanges());
            int imports = plan.imports().size();
            String secrets = plan.secretChanges().isEmpty() ? "" : ", " + secretCounts(plan);
            out.println(c.bold("Plan:") + " " + (imports > 0 ? imports + " to import, " : "") + plan.count(Action.CREATE) + " to add, " + plan.count(Action.UPDATE)
                    + " to change, " + plan.count(Action.REPLACE) + " to replace, " + plan.count(Action.DELETE)
                    + " to destroy" + secrets + ".");
        }
        unmanaged(plan.unmanaged());
        if (!plan.targets().isEmpty()) {
            out.println();
            out.println(c.yellow("Warning:") + " this plan is limited to " + String.join(", ",
                    plan.targets().stream().map(Object::toString).toList())
                    + " (--target); other changes and drift are not shown.");
        }
        if (plan.errored()) {
            out.println();
            out.println(c.red("This plan has errors and cannot be applied; they are listed below."));
        }
        out.flush();
    }

    /** Says so when the plan is for the in-process sandbox, so that nobody takes it for AWS. */
    public void provider(Plan plan) {
        if (plan.sandbox()) {
            out.println("Provider: the cogform sandbox (in-process Cognito; nothing in AWS is read or changed).");
            out.println();
        }
    }

    /**
     * Where the plan was made: digest, commit and branch (or that it was made outside git), the PR head
     * on a pull-request run, the stack tree id and the state serial; {@code show} and {@code apply FILE}
     * print it so the reviewed plan can be recognised.
     */
    public void provenance(Plan plan) {
        GitProvenance g = plan.git();
        out.println(c.bold("Plan") + " " + plan.digest() + ", made by cogform " + plan.toolVersion() + " at "
                + plan.createdAt() + " from state serial " + plan.basedOn().serial() + ".");
        if (g == null) {
            out.println("  Made outside a git work tree: no commit recorded.");
        } else {
            out.println("  Commit: " + (g.commit() == null ? "(none: the branch has no commit yet)" : g.commit())
                    + (g.branch() != null ? " on branch " + g.branch() : " (detached HEAD)")
                    + (g.dirty() ? ", with uncommitted changes to the stack's files" : ""));
            if (g.pullRequest() != null) {
                out.println("  Pull request #" + g.pullRequest().number() + ": head " + g.pullRequest().head()
                        + (g.pullRequest().base() != null ? ", base " + g.pullRequest().base() : ""));
            }
            out.println("  Stack: " + (g.stack().isEmpty() ? "." : g.stack()) + ", tree " + g.tree() + " ("
                    + String.join(", ", g.inputs().keySet()) + ")");
            if (g.remote() != null) {
                out.println("  Remote: " + g.remote());
            }
        }
        out.flush();
    }

    private void drift(List<Drift> drift) {
        if (drift.isEmpty()) {
            return;
        }
        out.println(c.bold("Changed outside cogform:") + " since the last apply, these clients changed in Cognito.");
        out.println();
        for (Drift d : drift) {
            if (d.kind() == Drift.Kind.DELETED) {
                out.println(c.bold("  # " + d.address() + " (client " + d.clientId() + ") has been deleted outside cogform"));
                out.println();
                continue;
            }
            out.println(c.bold("  # " + d.address() + " (client " + d.clientId() + ") has changed outside cogform"));
            out.println(c.yellow("  ~") + " " + d.address());
            d.diffs().forEach(x -> diff(x, false, false));
            out.println();
        }
        out.println("Unless cogform.yaml already says the same, or lifecycle.ignore_changes names these fields,"
                + " the plan below undoes or responds to these changes.");
        out.println();
    }

    private void stateChanges(List<StateChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        out.println(c.bold("State changes") + " (recorded without calling Cognito):");
        for (StateChange s : changes) {
            String what = switch (s.kind()) {
                case ADOPT -> "adopt client " + s.record().clientId() + ", created by an interrupted apply";
                case IMPORT -> "import client " + s.record().clientId() + " (import_id), as it is live";
                case FORGET_PENDING -> "forget an interrupted create that left no client behind";
                case RECORD_LIVE -> "record the live settings, which already match cogform.yaml, as applied";
                case RECORD_PREVENT_DESTROY -> "record lifecycle.prevent_destroy = " + s.record().preventDestroy();
                case RECORD_SECRETS -> "record the client's secrets as Cognito lists them ("
                        + String.join(", ", s.record().secrets().stream().map(SecretDescriptor::id).toList())
                        + "), as an interrupted apply or a change outside cogform left them";
            };
            out.println("  " + s.address() + ": " + what);
        }
        out.println();
    }

    /** Secret steps, after the client changes: the applier runs them after those. Never a value. */
    private void secretChanges(List<SecretChange> changes) {
        for (SecretChange s : changes) {
            String age = "newest secret is " + s.newestAgeDays() + (s.newestAgeDays() == 1 ? " day" : " days") + " old";
            switch (s.kind()) {
                case ROTATE -> out.println(c.bold("  # " + s.address() + " secret will be rotated")
                        + (s.reason() == SecretChange.Reason.REQUESTED ? " (--rotate-secret; " + age + ")" : " (" + age + ")"));
                case DELETE_OLD -> out.println(c.bold("  # " + s.address() + " old secret will be deleted")
                        + " (secret " + s.secretId() + "; the " + age + ", past its overlap)");
                default -> throw new IllegalStateException("no wording for " + s.kind());
            }
            out.println("  " + c.cyan("*") + " " + s.address() + " (client " + s.clientId() + ", pool " + s.poolId() + ")");
            out.println();
        }
    }

    private static String secretCounts(Plan plan) {
        long rotate = plan.secretChanges().stream().filter(s -> s.kind() == SecretChange.Kind.ROTATE).count();
        long delete = plan.secretChanges().size() - rotate;
        return rotate + (rotate == 1 ? " secret" : " secrets") + " to rotate, " + delete + " old "
                + (delete == 1 ? "secret" : "secrets") + " to delete";
    }

    private void legend(List<ResourceChange> actions) {
        out.println("Resource actions are indicated with the following symbols:");
        if (actions.stream().anyMatch(a -> a.action() == Action.CREATE)) {
            out.println("  " + c.green("+") + " create");
        }
        if (actions.stream().anyMatch(a -> a.importing().isPresent())) {
            out.println("  " + c.cyan("<=") + " import an existing client");
        }
        if (actions.stream().anyMatch(a -> a.action() == Action.UPDATE)) {
            out.println("  " + c.yellow("~") + " update in-place");
        }
        if (actions.stream().anyMatch(a -> a.action() == Action.REPLACE)) {
            out.println(c.red("+/-") + " replace: create the new client, then delete the old one");
        }
        if (actions.stream().anyMatch(a -> a.action() == Action.DELETE)) {
            out.println("  " + c.red("-") + " destroy");
        }
        out.println();
    }

    private void change(ResourceChange ch) {
        String where;
        switch (ch.action()) {
            case CREATE -> {
                DeletedClient deleted = ((ResourceChange.Create) ch).deletedOutside();
                out.println(c.bold("  # " + ch.address() + (deleted != null
                        ? " will be re-created (client " + deleted.clientId() + " was deleted outside cogform)"
                        : " will be created")));
                where = "(pool " + ch.poolId() + ")";
            }
            case UPDATE -> {
                out.println(c.bold("  # " + ch.address() + (ch.importing().isPresent()
                        ? " will be imported, then updated in-place" : " will be updated in-place")));
                where = "(client " + ((ResourceChange.Update) ch).prior().clientId() + ", pool " + ch.poolId() + ")";
            }
            case NO_OP -> {
                out.println(c.bold("  # " + ch.address() + " will be imported") + " (it already matches cogform.yaml)");
                where = "(client " + ((ResourceChange.NoOp) ch).prior().clientId() + ", pool " + ch.poolId() + ")";
            }
            case REPLACE -> {
                PriorClient old = ((ResourceChange.Replace) ch).prior();
                String why = ch.reason() == ActionReason.REPLACE_BECAUSE_POOL_CHANGED
                        ? "its pool changes from " + old.poolId() + " to " + ch.poolId()
                        : String.join(", ", ch.diffs().stream().filter(AttributeDiff::forcesReplacement)
                                .map(d -> d.field().key()).toList()) + " can only be set when a client is created";
                out.println(c.bold("  # " + ch.address() + " must be replaced: " + why));
                out.println(c.red("  # warning: the client id " + old.clientId()
                        + " will change; every consumer must switch to the new client id"));
                where = "(client " + old.clientId() + ", pool " + old.poolId() + ")";
            }
            case DELETE -> {
                out.println(c.bold("  # " + ch.address() + (ch.reason() == ActionReason.DELETE_BECAUSE_REPLACED
                        ? ": its old client will be destroyed, to finish a replacement an earlier apply left undone"
                        : " will be destroyed (it is no longer in cogform.yaml)")));
                where = "(client " + ((ResourceChange.Delete) ch).prior().clientId() + ", pool " + ch.poolId() + ")";
            }
            default -> throw new IllegalStateException("no wording for " + ch.action()); // a statement switch is not exhaustive
        }
        if (ch.destructive() && ch.preventDestroy()) {
            out.println(c.red("  # refused: lifecycle.prevent_destroy protects this client"));
        }
        out.println((ch.importing().isPresent() && ch.action() == Action.NO_OP ? "  " + c.cyan("<=") : symbol(ch.action()))
                + " " + ch.address() + " " + where);
        Map<AppClientField, Object> drifted = driftedFields.getOrDefault(ch.address(), Map.of());
        for (AttributeDiff d : ch.diffs()) {
            // A revert: the plan sets the field back to what it was before it changed outside cogform.
            boolean reverts = drifted.containsKey(d.field()) && java.util.Objects.equals(drifted.get(d.field()), d.after());
            diff(d, ch.action() == Action.CREATE, reverts);
        }
        out.println();
    }

    private void diff(AttributeDiff d, boolean create, boolean revertsDrift) {
        String key = d.field().key();
        boolean struct = !d.field().members().isEmpty();
        if (create) {
            if (!struct) {
                out.println("      " + c.green("+") + " " + key + ": " + Values.show(d.field(), d.after()));
            }
            for (Values.MemberChange m : Values.memberChanges(d.field(), null, d.after())) {
                out.println("      " + c.green("+") + " " + m.path() + ": " + m.after());
            }
            return;
        }
        String note = d.forcesReplacement() ? c.red("   # forces replacement")
                : d.impliedReset() ? "   # returns to its default: cogform.yaml leaves it out"
                : revertsDrift ? "   # reverts a change made outside cogform" : "";
        if (struct) {
            // Member by member, as token_validity's are, rather than two whole objects.
            for (Values.MemberChange m : Values.memberChanges(d.field(), d.before(), d.after())) {
                out.println("      " + c.yellow("~") + " " + m.path() + ": " + m.before() + " -> " + m.after() + note);
            }
            return;
        }
        if (d.field().kind() == AppClientField.Kind.SET) {
            out.println("      " + c.yellow("~") + " " + key + ":" + note);
            d.added().forEach(e -> out.println("          " + c.green("+") + " " + Values.quote(e)));
            d.removed().forEach(e -> out.println("          " + c.red("-") + " " + Values.quote(e)));
            return;
        }
        out.println("      " + c.yellow("~") + " " + key + ": " + Values.show(d.field(), d.before()) + " -> "
                + Values.show(d.field(), d.after()) + note);
    }

    private void unmanaged(List<UnmanagedClient> unmanaged) {
        if (unmanaged.isEmpty()) {
            return;
        }
        out.println();
        out.println(c.bold("Not managed by cogform") + " (reported only; cogform never deletes them):");
        for (UnmanagedClient u : unmanaged) {
            out.println("  " + (u.poolKey() != null ? u.poolKey() : u.poolId()) + ": " + Values.quote(u.clientName())
                    + " (client " + u.clientId() + ")");
        }
    }

    private String symbol(Action action) {
        return switch (action) {
            case CREATE -> "  " + c.green("+");
            case UPDATE -> "  " + c.yellow("~");
            case REPLACE -> c.red("+/-");
            case DELETE -> "  " + c.red("-");
            case NO_OP -> "   ";
        };
    }
}
