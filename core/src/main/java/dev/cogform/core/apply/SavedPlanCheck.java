package dev.cogform.core.apply;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.plan.GitProvenance;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PriorClient;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.plan.StateBasis;
import dev.cogform.core.spec.RunRules;
import dev.cogform.core.state.StateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a saved plan may still be applied: the YAML must say what it said (desired digest),
 * the state must be the one the plan was made from (lineage, serial, checksum), and every client the
 * plan changes must be live as the plan saw it (fingerprint). A plan can therefore be applied once.
 */
public final class SavedPlanCheck {

    private SavedPlanCheck() {
    }

    /**
     * The reasons the plan is stale (rules {@code plan.stale-desired}, {@code plan.stale-state},
     * {@code plan.stale-live}); empty when it may be applied. Reads each changed client once; a failed
     * read is a {@link dev.cogform.core.live.GatewayException}, not staleness.
     */
    public static List<Diagnostic> check(Plan plan, DesiredState desired, StateSnapshot state, CognitoGateway gateway) {
        List<Diagnostic> stale = new ArrayList<>();
        String hint = "plan again and review the new plan";
        if (!desired.digest().equals(plan.desiredDigest())) {
            stale.add(RunRules.PLAN_STALE_DESIRED.diagnostic(null,
                    "cogform.yaml no longer says what it said when the plan was made (desired digest "
                            + plan.desiredDigest() + ", now " + desired.digest() + ")", hint, null));
        }
        StateBasis now = StateBasis.of(state);
        if (!java.util.Objects.equals(now.lineage(), plan.basedOn().lineage())) {
            stale.add(RunRules.PLAN_STALE_STATE.diagnostic(null,
                    "the plan was made for state lineage " + lineage(plan.basedOn()) + ", but the state has lineage "
                            + lineage(now), "plan again against this state", null));
        } else if (now.serial() != plan.basedOn().serial() || !now.checksum().equals(plan.basedOn().checksum())) {
            stale.add(RunRules.PLAN_STALE_STATE.diagnostic(null,
                    "the state changed since the plan was made (serial " + plan.basedOn().serial() + ", now "
                            + now.serial() + "); a saved plan can be applied once", hint, null));
        }
        for (ResourceChange c : plan.actions()) {
            // A create has no client yet, and a client already gone has nothing live to compare.
            Optional<PriorClient> prior = c.existing().filter(p -> p.liveFingerprint() != null);
            if (prior.isEmpty()) {
                continue;
            }
            PriorClient p = prior.get();
            Optional<LiveClient> live = gateway.describe(p.poolId(), p.clientId());
            if (live.isEmpty()) {
                stale.add(RunRules.PLAN_STALE_LIVE.diagnostic(c.address().toString(),
                        "client " + c.address() + " (" + p.clientId() + ") was deleted since the plan was made", hint,
                        null));
            } else if (!live.get().fingerprint().equals(p.liveFingerprint())) {
                stale.add(RunRules.PLAN_STALE_LIVE.diagnostic(c.address().toString(),
                        "client " + c.address() + " (" + p.clientId() + ") changed in Cognito since the plan was made",
                        hint, null));
            }
        }
        return stale;
    }

    /**
     * Whether the plan was made from these inputs (rules {@code plan.stale-commit}, {@code plan.stale-tree}):
     * with {@code requireCommit}, the plan must have been made at that commit (or, on a pull request, at
     * that PR head); a plan made in git must find the stack's inputs as they were, compared by git tree
     * id, and the message names the files that differ. {@code now} is the work tree's provenance, null
     * outside git. Empty when the plan may be applied.
     */
    public static List<Diagnostic> provenance(Plan plan, GitProvenance now, String requireCommit) {
        List<Diagnostic> stale = new ArrayList<>();
        GitProvenance made = plan.git();
        if (requireCommit != null) {
            if (made == null) {
                stale.add(RunRules.PLAN_STALE_COMMIT.diagnostic(null, "--require-commit " + requireCommit
                        + ": the plan records no commit (it was made outside a git work tree)",
                        "make the plan in a checkout of that commit", null));
            } else if (!made.madeAt(requireCommit)) {
                stale.add(RunRules.PLAN_STALE_COMMIT.diagnostic(null, "the plan was made at commit "
                        + shortId(made.reviewedCommit()) + ", not at " + requireCommit
                        + " (--require-commit; give at least 7 characters of the commit id)",
                        "apply the plan made for that commit, or plan again", null));
            }
        }
        if (made == null) {
            return stale;
        }
        if (now == null) {
            stale.add(RunRules.PLAN_STALE_TREE.diagnostic(null, "the plan was made in a git work tree (stack tree "
                    + shortId(made.tree()) + "), but the stack is not in one now, so its inputs cannot be compared",
                    "apply the plan in a checkout of commit " + shortId(made.reviewedCommit()), null));
        } else if (!now.tree().equals(made.tree())) {
            stale.add(RunRules.PLAN_STALE_TREE.diagnostic(null, "the stack's files differ from the plan's (stack tree "
                    + shortId(made.tree()) + ", now " + shortId(now.tree()) + "): " + differences(made, now),
                    "check out the commit the plan was made at (" + shortId(made.reviewedCommit())
                            + "), or plan again", null));
        }
        return stale;
    }

    /** Which input files differ, by repository path: changed, not read any more, or newly read. */
    static String differences(GitProvenance made, GitProvenance now) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> paths = new java.util.TreeSet<>(made.inputs().keySet());
        paths.addAll(now.inputs().keySet());
        for (String path : paths) {
            String a = made.inputs().get(path);
            String b = now.inputs().get(path);
            if (a == null) {
                out.add(path + " (not an input of the plan)");
            } else if (b == null) {
                out.add(path + " (an input of the plan, missing or not read now)");
            } else if (!a.equals(b)) {
                out.add(path + " (changed)");
            }
        }
        return out.isEmpty() ? "the same files, placed differently in the repository" : String.join(", ", out);
    }

    private static String shortId(String id) {
        return id == null ? "(none)" : id.substring(0, Math.min(12, id.length()));
    }

    private static String lineage(StateBasis basis) {
        return basis.lineage() == null ? "(none: nothing saved yet)" : basis.lineage();
    }
}
