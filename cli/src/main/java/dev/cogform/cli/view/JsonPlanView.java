package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.AttributeDiff;
import dev.cogform.core.plan.DeletedClient;
import dev.cogform.core.plan.Drift;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanFile;
import dev.cogform.core.plan.PriorClient;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.plan.StateChange;
import dev.cogform.core.plan.UnmanagedClient;
import dev.cogform.core.state.ClientRecord;
import java.io.PrintWriter;
import java.util.List;

/**
 * The plan as its JSON document ({@code docs/json-output.md}), for {@code plan --json} and
 * {@code show --json}, rendered from the plan: the digest is the one the plan carries, nothing is
 * recomputed. The document is, member for member, what {@link PlanFile} saves, so {@code plan --json}
 * output can be applied as a saved plan; the view tests read it back with {@link PlanFile#read}.
 */
public final class JsonPlanView implements PlanView {

    /**
     * The version of every JSON document cogform prints. The plan document is a saved plan, so it is
     * the saved-plan format's version; the apply document embeds one and shares it.
     */
    static final String FORMAT_VERSION = PlanFile.FORMAT_VERSION;

    private static final ObjectMapper MAPPER = SettingsJson.mapper();

    private final PrintWriter out;

    public JsonPlanView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void render(Plan plan) {
        try {
            out.print(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document(plan)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** The plan document, also embedded in the apply document. */
    static ObjectNode document(Plan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "cogform");
        tool.put("version", plan.toolVersion());
        root.put("created", plan.createdAt().toString());
        root.put("refreshed", plan.refreshed());
        root.put("sandbox", plan.sandbox());
        root.put("desired_digest", plan.desiredDigest());
        ObjectNode basis = root.putObject("based_on");
        basis.put("lineage", plan.basedOn().lineage());
        basis.put("serial", plan.basedOn().serial());
        basis.put("checksum", plan.basedOn().checksum());
        ArrayNode targets = root.putArray("targets");
        plan.targets().forEach(t -> targets.add(t.toString()));
        root.set("summary", summary(plan));
        ArrayNode changes = root.putArray("resource_changes");
        plan.changes().forEach(c -> changes.add(change(c)));
        ArrayNode drift = root.putArray("resource_drift");
        plan.drift().forEach(d -> drift.add(drift(d)));
        ArrayNode state = root.putArray("state_changes");
        for (StateChange s : plan.stateChanges()) {
            ObjectNode o = state.addObject();
            o.put("kind", s.kind().code());
            o.put("address", s.address().toString());
            o.set("record", s.record() == null ? null : record(s.record()));
        }
        ArrayNode unmanaged = root.putArray("unmanaged");
        for (UnmanagedClient u : plan.unmanaged()) {
            ObjectNode o = unmanaged.addObject();
            o.put("pool", u.poolKey());
            o.put("pool_id", u.poolId());
            o.put("client_id", u.clientId());
            o.put("client_name", u.clientName());
        }
        root.set("diagnostics", diagnostics(plan.diagnostics()));
        root.put("digest", plan.digest());
        return root;
    }

    /** Diagnostics as the plan and apply documents hold them: the position is an object, or null. */
    static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
        ArrayNode out = MAPPER.createArrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode o = out.addObject();
            o.put("severity", d.severity().word());
            o.put("rule", d.rule());
            o.put("path", d.path());
            o.put("message", d.message());
            o.put("hint", d.hint());
            if (d.at() == null) {
                o.putNull("at");
            } else {
                ObjectNode at = o.putObject("at");
                at.put("file", d.at().file());
                at.put("line", d.at().line());
                at.put("column", d.at().column());
            }
        }
        return out;
    }

    private static ObjectNode summary(Plan plan) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("add", plan.count(Action.CREATE));
        s.put("change", plan.count(Action.UPDATE));
        s.put("replace", plan.count(Action.REPLACE));
        s.put("destroy", plan.count(Action.DELETE));
        s.put("drifted", plan.drift().size());
        s.put("state_changes", plan.stateChanges().size());
        s.put("unmanaged", plan.unmanaged().size());
        s.put("has_changes", plan.hasChanges());
        s.put("has_drift", !plan.drift().isEmpty());
        s.put("has_destructive", plan.changes().stream().anyMatch(ResourceChange::destructive));
        s.put("has_identity_change", plan.changes().stream().anyMatch(ResourceChange::changesIdentity));
        s.put("errored", plan.errored());
        s.put("applyable", plan.applyable());
        return s;
    }

    private static ObjectNode change(ResourceChange c) {
        // The document keeps one flat shape for every action: members an action lacks are null.
        PriorClient prior = c.existing().orElse(null);
        DeletedClient deleted = c instanceof ResourceChange.Create create ? create.deletedOutside() : null;
        ObjectNode o = MAPPER.createObjectNode();
        o.put("address", c.address().toString());
        o.put("action", c.action().word());
        ArrayNode steps = o.putArray("actions");
        c.action().steps().forEach(steps::add);
        o.put("action_reason", c.reason().code());
        o.put("pool_id", c.poolId());
        o.put("prior_pool_id", prior != null ? prior.poolId() : deleted != null ? deleted.poolId() : null);
        o.put("client_id", prior != null ? prior.clientId() : deleted != null ? deleted.clientId() : null);
        o.put("live_fingerprint", prior == null ? null : prior.liveFingerprint());
        o.put("prevent_destroy", c.preventDestroy());
        // Only a replacement has fields that force it: a create sets generate_secret, it replaces nothing.
        boolean replacing = c.action() == Action.REPLACE;
        ArrayNode replacePaths = o.putArray("replace_paths");
        c.diffs().stream().filter(d -> replacing && d.forcesReplacement())
                .forEach(d -> replacePaths.addArray().add(d.field().key()));
        o.set("before", settings(prior == null ? null : prior.settings()));
        o.set("after", settings(c.planned().orElse(null)));
        o.set("diffs", diffs(c.diffs(), replacing));
        return o;
    }

    private static ObjectNode drift(Drift d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("address", d.address().toString());
        o.put("kind", d.kind().word());
        o.put("pool_id", d.poolId());
        o.put("client_id", d.clientId());
        // In drift, forces_replacement says whether the field is create-only.
        o.set("diffs", diffs(d.diffs(), true));
        return o;
    }

    private static ArrayNode diffs(List<AttributeDiff> diffs, boolean replacing) {
        ArrayNode out = MAPPER.createArrayNode();
        for (AttributeDiff d : diffs) {
            ObjectNode o = out.addObject();
            o.put("field", d.field().key());
            o.set("before", MAPPER.valueToTree(d.before()));
            o.set("after", MAPPER.valueToTree(d.after()));
            if (d.field().kind() == AppClientField.Kind.SET) {
                o.set("added", MAPPER.valueToTree(d.added()));
                o.set("removed", MAPPER.valueToTree(d.removed()));
            }
            o.put("implied_reset", d.impliedReset());
            o.put("forces_replacement", replacing && d.forcesReplacement());
        }
        return out;
    }

    private static ObjectNode record(ClientRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("address", r.address().toString());
        o.put("pool_id", r.poolId());
        o.put("client_id", r.clientId());
        o.put("client_name", r.clientName());
        o.set("applied", settings(r.applied()));
        o.put("live_fingerprint", r.liveFingerprint());
        o.put("prevent_destroy", r.preventDestroy());
        o.put("applied_at", r.appliedAt() == null ? null : r.appliedAt().toString());
        return o;
    }

    private static JsonNode settings(AppClientSettings settings) {
        return settings == null ? null : SettingsJson.toTree(settings);
    }
}
