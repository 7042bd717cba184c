package dev.cogform.core.apply;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.LiveClient;
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

    private static String lineage(StateBasis basis) {
        return basis.lineage() == null ? "(none: nothing saved yet)" : basis.lineage();
    }
}
