package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.apply.ApplyResult;
import dev.cogform.core.apply.Outcome;
import dev.cogform.core.apply.SecretOutcome;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanFile;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.model.SettingsJson;
import java.io.PrintWriter;
import java.util.List;

/** One JSON document at the end of an apply ({@code docs/json-output.md}); silent while it runs. */
public final class JsonApplyView implements ApplyView {

    private static final ObjectMapper MAPPER = SettingsJson.mapper();

    private final PrintWriter out;

    public JsonApplyView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onStart(ResourceChange change) {
    }

    @Override
    public void onComplete(ResourceChange change, Outcome outcome) {
    }

    @Override
    public void result(Plan plan, ApplyResult result) {
        ObjectNode root = header(plan, result.failed() ? "failed" : "applied");
        List<Outcome> done = result.with(Outcome.Status.DONE);
        ObjectNode summary = root.putObject("summary");
        summary.put("added", count(done, Action.CREATE));
        summary.put("changed", count(done, Action.UPDATE));
        summary.put("replaced", count(done, Action.REPLACE));
        summary.put("destroyed", count(done, Action.DELETE));
        summary.put("failed", result.with(Outcome.Status.FAILED).size());
        summary.put("not_attempted", result.with(Outcome.Status.NOT_ATTEMPTED).size());
        summary.put("state_changes", result.stateChanges());
        ArrayNode outcomes = root.putArray("outcomes");
        for (Outcome o : result.outcomes()) {
            ObjectNode n = outcomes.addObject();
            n.put("address", o.address().toString());
            n.put("action", o.action().word());
            n.put("status", o.status().word());
            n.put("client_id", o.clientId());
            n.put("message", o.message());
            n.set("warnings", JsonPlanView.diagnostics(o.warnings()));
        }
        if (!result.secretOutcomes().isEmpty()) {
            // Only with secret steps, so an apply document without them keeps its bytes.
            ArrayNode secrets = root.putArray("secret_outcomes");
            for (SecretOutcome o : result.secretOutcomes()) {
                ObjectNode n = secrets.addObject();
                n.put("address", o.address().toString());
                n.put("kind", o.kind().code());
                n.put("status", o.status().word());
                n.put("secret_id", o.secretId());
                n.put("adopted", o.adopted());
                n.put("message", o.message());
            }
        }
        root.set("diagnostics", JsonPlanView.diagnostics(result.diagnostics()));
        ObjectNode state = root.putObject("state");
        state.put("lineage", result.state().lineage());
        state.put("serial", result.state().serial());
        root.set("plan", JsonPlanView.document(plan));
        print(root);
    }

    @Override
    public void refused(Plan plan, List<Diagnostic> reasons) {
        ObjectNode root = header(plan, "refused_stale");
        root.set("diagnostics", JsonPlanView.diagnostics(reasons));
        print(root);
    }

    private static ObjectNode header(Plan plan, String status) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", PlanFile.formatVersion(plan)); // the embedded plan's, so that the two agree
        root.put("type", "apply");
        root.put("status", status);
        root.put("plan_digest", plan.digest());
        return root;
    }

    private void print(ObjectNode root) {
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static long count(List<Outcome> outcomes, Action action) {
        return outcomes.stream().filter(o -> o.action() == action).count();
    }
}
