package dev.cogform.cli.view;

import dev.cogform.cli.Golden;
import dev.cogform.core.apply.ApplyResult;
import dev.cogform.core.apply.Outcome;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PriorClient;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.state.StateVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyViewTest {

    final Plan plan = Plans.everything();

    /** Plays the plan's actions through the view: the first {@code failAt} succeed, one fails, the rest wait. */
    String play(ApplyView view, int failAt) {
        List<Outcome> outcomes = new ArrayList<>();
        int i = 0;
        for (ResourceChange c : plan.actions()) {
            Outcome o;
            if (i < failAt) {
                view.onStart(c);
                o = new Outcome(c.address(), c.action(), Outcome.Status.DONE,
                        switch (c.action()) {
                            case DELETE -> null;
                            case UPDATE -> c.existing().orElseThrow().clientId();
                            default -> "new" + i + "example2345678";
                        },
                        null, List.of());
                view.onComplete(c, o);
            } else if (i == failAt) {
                view.onStart(c);
                o = new Outcome(c.address(), c.action(), Outcome.Status.FAILED, existingId(c),
                        "Cognito: InvalidParameterException: Invalid range for token validity.", List.of());
                view.onComplete(c, o);
            } else {
                o = new Outcome(c.address(), c.action(), Outcome.Status.NOT_ATTEMPTED,
                        existingId(c),
                        "not attempted because an earlier change failed", List.of());
            }
            outcomes.add(o);
            i++;
        }
        List<Diagnostic> warnings = List.of(Diagnostic.warning("apply.response-differs", "main.web.read_attributes",
                "Cognito returned [email, email_verified] for field read_attributes of main.web (cogform sent [email])",
                null, null));
        view.result(plan, new ApplyResult(outcomes, plan.stateChanges().size(), warnings,
                new StateVersion("3f1c2a9e-lineage", 12)));
        return "";
    }


    private static String existingId(ResourceChange c) {
        return c.existing().map(PriorClient::clientId).orElse(null);
    }

    @Test
    void human_success() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        play(new HumanApplyView(new PrintWriter(out), new PrintWriter(err), Colors.OFF), Integer.MAX_VALUE);

        Golden.assertMatches("apply/success.txt", out + "--- stderr ---\n" + err);
    }

    @Test
    void human_failure() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        play(new HumanApplyView(new PrintWriter(out), new PrintWriter(err), Colors.OFF), 2);

        Golden.assertMatches("apply/failure.txt", out + "--- stderr ---\n" + err);
    }

    @Test
    void json_failure() {
        StringWriter out = new StringWriter();
        play(new JsonApplyView(new PrintWriter(out)), 2);

        Golden.assertMatches("apply/failure.json", out.toString());
    }

    @Test
    void human_refused() {
        StringWriter err = new StringWriter();
        new HumanApplyView(new PrintWriter(new StringWriter()), new PrintWriter(err), Colors.OFF).refused(plan, List.of(
                Diagnostic.error("plan.stale-state", null, "the state changed since the plan was made (serial 7, now 8);"
                        + " a saved plan can be applied once", "plan again and review the new plan", null)));

        Golden.assertMatches("apply/refused.txt", err.toString());
    }
}
