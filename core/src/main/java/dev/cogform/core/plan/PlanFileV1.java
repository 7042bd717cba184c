package dev.cogform.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Severity;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.model.SecretDescriptor;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.state.ClientRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Version 1.x of the saved-plan document: the tree {@link PlanFile} writes and reads, member by member
 * as {@code docs/json-output.md} lists them. Settings appear in {@link SettingsJson}'s form, which has no
 * place for a client secret. The plan digest is taken over this tree, and {@code --json} prints the
 * same document, so its bytes are part of the format: the fixtures in
 * {@code src/test/resources/planfile/} hold this cogform to them.
 */
final class PlanFileV1 {

    /** The version of plans that import clients or rotate secrets (1.2 adds importing and secret_changes). */
    static final String VERSION = "1.2";
    /** What a plan without 1.2 members is written as, so that such plans keep their bytes and digests. */
    static final String BASE_VERSION = "1.1";
    private static final String MAJOR = "1.";

    private static final ObjectMapper MAPPER = SettingsJson.mapper();

    private PlanFileV1() {
    }

    static String version(Plan plan) {
        boolean secrets = !plan.secretChanges().isEmpty() || plan.stateChanges().stream()
                .anyMatch(c -> c.record() != null && !c.record().secrets().isEmpty());
        return secrets || !plan.imports().isEmpty() ? VERSION : BASE_VERSION;
    }

    /** Whether {@code formatVersion} is one this reader understands: any 1.x, which only add members. */
    static boolean reads(String formatVersion) {
        return formatVersion.startsWith(MAJOR);
    }

    /**
     * The plan as a tree; {@code forDigest} leaves settings as POJO nodes, which serialize to the same
     * bytes without building a tree per client (a plan of 10,000 clients holds 20,000 settings).
     */
    static ObjectNode toTree(Plan plan, boolean forDigest) {
        ObjectNode root = MAPPER.createObjectNode();
        // 1.2 adds resource_changes[].importing and secret_changes; a plan without them is written as 1.1.
        root.put("format_version", version(plan));
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
        if (plan.git() != null) {
            root.set("git", git(plan.git())); // 1.1; absent outside a repository
        }
        ArrayNode targets = root.putArray("targets");
        plan.targets().forEach(t -> targets.add(t.toString()));
        root.set("summary", summary(plan));
        ArrayNode changes = root.putArray("resource_changes");
        plan.changes().forEach(c -> changes.add(change(c, forDigest)));
        ArrayNode drift = root.putArray("resource_drift");
        for (Drift d : plan.drift()) {
            ObjectNode o = drift.addObject();
            o.put("address", d.address().toString());
            o.put("kind", d.kind().word());
            o.put("pool_id", d.poolId());
            o.put("client_id", d.clientId());
            o.set("diffs", diffs(d.diffs()));
        }
        ArrayNode state = root.putArray("state_changes");
        for (StateChange s : plan.stateChanges()) {
            ObjectNode o = state.addObject();
            o.put("kind", s.kind().code());
            o.put("address", s.address().toString());
            o.set("record", s.record() == null ? null : recordTree(s.record(), forDigest));
        }
        ArrayNode unmanaged = root.putArray("unmanaged");
        for (UnmanagedClient u : plan.unmanaged()) {
            ObjectNode o = unmanaged.addObject();
            o.put("pool", u.poolKey());
            o.put("pool_id", u.poolId());
            o.put("client_id", u.clientId());
            o.put("client_name", u.clientName());
        }
        ObjectNode sources = root.putObject("source_lines"); // 1.1
        plan.sources().forEach((address, lines) -> {
            ObjectNode o = sources.putObject(address.toString());
            o.put("file", lines.file());
            o.put("line", lines.line());
            ObjectNode fields = o.putObject("fields");
            lines.fields().forEach(fields::put);
        });
        if (!plan.secretChanges().isEmpty()) {
            // 1.2: only written when there are any, so 1.1 plans keep their bytes.
            ArrayNode secrets = root.putArray("secret_changes");
            for (SecretChange c : plan.secretChanges()) {
                ObjectNode o = secrets.addObject();
                o.put("address", c.address().toString());
                o.put("kind", c.kind().code());
                o.put("reason", c.reason().code());
                o.put("pool_id", c.poolId());
                o.put("client_id", c.clientId());
                o.put("secret_id", c.secretId());
                o.put("newest_age_seconds", c.newestAge().getSeconds());
                o.set("seen", secretsTree(c.seen()));
            }
        }
        root.set("diagnostics", diagnostics(plan.diagnostics()));
        root.put("digest", plan.digest());
        return root;
    }

    private static ObjectNode git(GitProvenance g) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("commit", g.commit());
        o.put("branch", g.branch());
        o.put("stack", g.stack());
        o.put("tree", g.tree());
        o.put("dirty", g.dirty());
        o.put("remote", g.remote());
        if (g.pullRequest() == null) {
            o.putNull("pull_request");
        } else {
            ObjectNode pr = o.putObject("pull_request");
            pr.put("number", g.pullRequest().number());
            pr.put("head", g.pullRequest().head());
            pr.put("base", g.pullRequest().base());
        }
        ObjectNode inputs = o.putObject("inputs");
        g.inputs().forEach(inputs::put);
        return o;
    }

    private static GitProvenance readGit(JsonNode g) {
        if (g == null || g.isNull()) {
            return null;
        }
        JsonNode pr = g.get("pull_request");
        java.util.Map<String, String> inputs = new java.util.TreeMap<>();
        g.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
        return new GitProvenance(text(g, "commit"), text(g, "branch"), g.required("stack").asText(),
                g.required("tree").asText(), g.path("dirty").asBoolean(), text(g, "remote"),
                pr == null || pr.isNull() ? null
                        : new GitProvenance.PullRequest(pr.path("number").asLong(), text(pr, "head"), text(pr, "base")),
                inputs);
    }

    private static java.util.Map<ClientAddress, SourceLines> readSources(JsonNode node) {
        java.util.Map<ClientAddress, SourceLines> out = new java.util.TreeMap<>();
        node.fields().forEachRemaining(e -> {
            java.util.Map<String, Integer> fields = new java.util.TreeMap<>();
            e.getValue().path("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asInt()));
            out.put(ClientAddress.parse(e.getKey()), new SourceLines(text(e.getValue(), "file"),
                    e.getValue().path("line").asInt(), fields));
        });
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

    private static ObjectNode change(ResourceChange c, boolean forDigest) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("address", c.address().toString());
        o.put("action", c.action().word());
        ArrayNode steps = o.putArray("actions");
        c.action().steps().forEach(steps::add);
        o.put("action_reason", c.reason().code());
        PriorClient prior = c.existing().orElse(null);
        DeletedClient deleted = c instanceof ResourceChange.Create create ? create.deletedOutside() : null;
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
        o.set("before", settings(prior == null ? null : prior.settings(), forDigest));
        o.set("after", settings(c.planned().orElse(null), forDigest));
        o.set("diffs", diffs(c.diffs(), replacing));
        c.importing().ifPresent(id -> o.putObject("importing").put("id", id));
        return o;
    }

    private static ArrayNode diffs(List<AttributeDiff> diffs) {
        return diffs(diffs, true);
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

    private static JsonNode settings(AppClientSettings settings, boolean forDigest) {
        if (settings == null) {
            return null;
        }
        return forDigest ? MAPPER.getNodeFactory().pojoNode(settings) : SettingsJson.toTree(settings);
    }

    /** One state record as JSON; {@link StateBasis} hashes the same form (with {@code forDigest}). */
    static ObjectNode recordTree(ClientRecord r, boolean forDigest) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("address", r.address().toString());
        c.put("pool_id", r.poolId());
        c.put("client_id", r.clientId());
        c.put("client_name", r.clientName());
        c.set("applied", settings(r.applied(), forDigest));
        c.put("live_fingerprint", r.liveFingerprint());
        c.put("prevent_destroy", r.preventDestroy());
        c.put("applied_at", r.appliedAt() == null ? null : r.appliedAt().toString());
        if (!r.secrets().isEmpty()) {
            c.set("secrets", secretsTree(r.secrets())); // 1.2; absent when none, so older plans keep their bytes
        }
        return c;
    }

    /** Secret ids and creation dates (never values), oldest first. */
    private static ArrayNode secretsTree(List<SecretDescriptor> secrets) {
        ArrayNode out = MAPPER.createArrayNode();
        secrets.forEach(d -> out.addObject().put("id", d.id()).put("created", d.created().toString()));
        return out;
    }

    private static List<SecretDescriptor> readSecrets(JsonNode array) {
        List<SecretDescriptor> out = new ArrayList<>();
        if (array != null) {
            array.forEach(d -> out.add(new SecretDescriptor(d.required("id").asText(),
                    Instant.parse(d.required("created").asText()))));
        }
        return out;
    }

    /** Diagnostics as JSON: severity, rule, path, message, hint and position (null when unknown). */
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

    /** The plan a document holds; its version and digest were checked by {@link PlanFile#read}. */
    static Plan fromTree(JsonNode root) {
        JsonNode basis = root.required("based_on");
        Set<ClientAddress> targets = new TreeSet<>();
        root.path("targets").forEach(t -> targets.add(ClientAddress.parse(t.asText())));
        List<ResourceChange> changes = new ArrayList<>();
        for (JsonNode c : root.required("resource_changes")) {
            changes.add(readChange(c));
        }
        List<Drift> drift = new ArrayList<>();
        for (JsonNode d : root.path("resource_drift")) {
            drift.add(new Drift(ClientAddress.parse(d.required("address").asText()), text(d, "pool_id"),
                    text(d, "client_id"), Drift.Kind.valueOf(enumName(d.required("kind").asText())),
                    readDiffs(d.path("diffs"))));
        }
        List<StateChange> stateChanges = new ArrayList<>();
        for (JsonNode s : root.path("state_changes")) {
            JsonNode r = s.get("record");
            stateChanges.add(new StateChange(StateChange.Kind.valueOf(enumName(s.required("kind").asText())),
                    ClientAddress.parse(s.required("address").asText()),
                    r == null || r.isNull() ? null : readRecord(r)));
        }
        List<UnmanagedClient> unmanaged = new ArrayList<>();
        for (JsonNode u : root.path("unmanaged")) {
            unmanaged.add(new UnmanagedClient(text(u, "pool"), text(u, "pool_id"), text(u, "client_id"),
                    text(u, "client_name")));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : root.path("diagnostics")) {
            JsonNode at = d.get("at");
            diagnostics.add(new Diagnostic(Severity.valueOf(enumName(d.required("severity").asText())),
                    d.required("rule").asText(), text(d, "path"), d.required("message").asText(), text(d, "hint"),
                    at == null || at.isNull() ? null
                            : new SourcePosition(at.path("file").asText(), at.path("line").asInt(), at.path("column").asInt())));
        }
        List<SecretChange> secretChanges = new ArrayList<>();
        for (JsonNode c : root.path("secret_changes")) {
            secretChanges.add(new SecretChange(ClientAddress.parse(c.required("address").asText()),
                    SecretChange.Kind.valueOf(enumName(c.required("kind").asText())),
                    SecretChange.Reason.valueOf(enumName(c.required("reason").asText())), text(c, "pool_id"),
                    text(c, "client_id"), readSecrets(c.get("seen")), text(c, "secret_id"),
                    java.time.Duration.ofSeconds(c.path("newest_age_seconds").asLong())));
        }
        return new Plan(root.path("tool").path("version").asText(), Instant.parse(root.required("created").asText()),
                root.path("refreshed").asBoolean(), root.path("sandbox").asBoolean(), text(root, "desired_digest"),
                new StateBasis(text(basis, "lineage"), basis.path("serial").asLong(), text(basis, "checksum")),
                targets, changes, drift, stateChanges, unmanaged, diagnostics, readGit(root.get("git")),
                readSources(root.path("source_lines")), text(root, "digest"), secretChanges);
    }

    /** One {@code resource_changes} entry as the record its action calls for. */
    private static ResourceChange readChange(JsonNode c) {
        ClientAddress address = ClientAddress.parse(c.required("address").asText());
        Action action = Action.valueOf(enumName(c.required("action").asText()));
        ActionReason reason = ActionReason.valueOf(enumName(c.required("action_reason").asText()));
        if (reason.action() != action) {
            throw new IllegalArgumentException(address + ": action_reason " + reason.code() + " does not go with action "
                    + action.word());
        }
        String poolId = text(c, "pool_id");
        AppClientSettings after = settings(c.get("after"));
        List<AttributeDiff> diffs = readDiffs(c.path("diffs"));
        boolean preventDestroy = c.path("prevent_destroy").asBoolean();
        return switch (action) {
            case CREATE -> new ResourceChange.Create(address, reason, poolId, after, diffs, preventDestroy,
                    text(c, "client_id") == null ? null
                            : new DeletedClient(text(c, "prior_pool_id"), text(c, "client_id")));
            case UPDATE -> new ResourceChange.Update(address, priorInPlace(c, address, action), after, diffs,
                    preventDestroy, importing(c));
            case REPLACE -> new ResourceChange.Replace(address, reason, poolId, prior(c), after, diffs, preventDestroy);
            case DELETE -> new ResourceChange.Delete(address, reason, priorInPlace(c, address, action), preventDestroy);
            case NO_OP -> new ResourceChange.NoOp(address, priorInPlace(c, address, action), after, preventDestroy,
                    importing(c));
        };
    }

    /** {@code importing.id} (format 1.2), or null. */
    private static String importing(JsonNode c) {
        JsonNode importing = c.get("importing");
        return importing == null || importing.isNull() ? null : text(importing, "id");
    }

    private static PriorClient prior(JsonNode c) {
        return new PriorClient(text(c, "prior_pool_id"), text(c, "client_id"), settings(c.get("before")),
                text(c, "live_fingerprint"));
    }

    /** The prior client of a change that stays in its pool, where pool_id repeats prior_pool_id. */
    private static PriorClient priorInPlace(JsonNode c, ClientAddress address, Action action) {
        PriorClient prior = prior(c);
        if (!prior.poolId().equals(text(c, "pool_id"))) {
            throw new IllegalArgumentException(address + ": a " + action.word() + " keeps its pool, but pool_id "
                    + text(c, "pool_id") + " differs from prior_pool_id " + prior.poolId());
        }
        return prior;
    }

    private static ClientRecord readRecord(JsonNode r) {
        String at = text(r, "applied_at");
        return new ClientRecord(ClientAddress.parse(r.required("address").asText()), text(r, "pool_id"),
                text(r, "client_id"), text(r, "client_name"), settings(r.get("applied")), text(r, "live_fingerprint"),
                r.path("prevent_destroy").asBoolean(), at == null ? null : Instant.parse(at), readSecrets(r.get("secrets")));
    }

    private static List<AttributeDiff> readDiffs(JsonNode array) {
        List<AttributeDiff> out = new ArrayList<>();
        for (JsonNode d : array) {
            String key = d.required("field").asText();
            AppClientField field = AppClientField.byKey(key)
                    .orElseThrow(() -> new IllegalArgumentException("unknown field " + key));
            out.add(new AttributeDiff(field, value(field, d.get("before")), value(field, d.get("after")),
                    d.path("implied_reset").asBoolean()));
        }
        return out;
    }

    /** A field value back from JSON, in the type {@link AppClientField#get} returns. */
    private static Object value(AppClientField field, JsonNode node) {
        return SettingsJson.fieldValue(field, node);
    }

    private static AppClientSettings settings(JsonNode node) {
        return node == null || node.isNull() ? null : SettingsJson.fromTree(node);
    }

    private static String text(JsonNode node, String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String enumName(String word) {
        return word.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
