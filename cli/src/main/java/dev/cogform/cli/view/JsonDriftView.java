package dev.cogform.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.drift.Baseline;
import dev.cogform.core.drift.BaselineState;
import dev.cogform.core.drift.ClientFinding;
import dev.cogform.core.drift.DriftReport;
import dev.cogform.core.drift.FieldFinding;
import dev.cogform.core.drift.Findings;
import dev.cogform.core.drift.IgnoreMatch;
import dev.cogform.core.drift.Notable;
import dev.cogform.core.drift.PoolCoverage;
import dev.cogform.core.drift.ResolvedFinding;
import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.drift.StackReport;
import dev.cogform.core.drift.Status;
import dev.cogform.core.drift.UnmanagedFinding;
import dev.cogform.core.model.SettingsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The versioned JSON drift report (docs/drift.md): the source other formats and {@code --baseline}
 * read. Every finding carries a stable {@code id} and a {@code fingerprint}; a later run given this
 * report as baseline compares them. Unknown members must be ignored by readers; a major version
 * other than 1 is refused.
 */
public final class JsonDriftView implements DriftView {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;

    public JsonDriftView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void render(DriftReport report) {
        try {
            out.println(MAPPER.writeValueAsString(tree(report)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    public static ObjectNode tree(DriftReport r) {
        ObjectNode root = F.objectNode();
        root.put("format_version", r.formatVersion());
        root.putObject("tool").put("name", "cogform").put("version", r.toolVersion());
        root.put("generated_at", r.generatedAt().toString());
        root.put("fail_on", r.failOn().word());
        root.put("baseline", r.baselined());
        ObjectNode summary = root.putObject("summary");
        summary.put("stacks", r.stacks().size());
        summary.put("clients", r.stacks().stream().mapToInt(s -> s.clients().size()).sum());
        for (Status s : Status.values()) {
            summary.put(s.word(), r.count(s));
        }
        summary.put("max_severity", r.maxSeverity().map(DriftSeverity::word).orElse(null));
        List<Notable> news = r.news();
        summary.put("new", news.stream().filter(n -> n.baseline() == BaselineState.NEW).count());
        summary.put("changed", news.stream().filter(n -> n.baseline() == BaselineState.CHANGED).count());
        summary.put("resolved", news.stream().filter(n -> n.baseline() == BaselineState.RESOLVED).count());
        summary.put("exit_code", r.exitCode());
        ArrayNode stacks = root.putArray("stacks");
        r.stacks().forEach(s -> stacks.add(stack(s)));
        root.set("diagnostics", diagnostics(r.diagnostics()));
        return root;
    }

    private static ObjectNode stack(StackReport s) {
        ObjectNode node = F.objectNode();
        node.put("stack", s.stack());
        node.put("budget", s.budget());
        ArrayNode clients = node.putArray("clients");
        for (ClientFinding c : s.clients()) {
            ObjectNode cn = clients.addObject();
            cn.put("address", c.address().toString());
            cn.put("pool_id", c.poolId());
            cn.put("client_id", c.clientId());
            cn.put("status", c.status().name());
            if (c.clientLevel()) {
                cn.put("id", c.key());
                cn.put("fingerprint", c.key());
                cn.put("severity", c.severity() == null ? null : c.severity().word());
                cn.put("rule", c.rule());
                cn.put("summary", c.detail());
            }
            if (c.reason() != null) {
                cn.put("reason", c.reason().word());
            }
            baseline(cn, c.baseline());
            ignored(cn, c.ignored());
            if (c.at() != null) {
                cn.putObject("location").put("file", c.at().file()).put("line", c.at().line())
                        .put("column", c.at().column());
            }
            ArrayNode diffs = cn.putArray("differences");
            for (FieldFinding f : c.fields()) {
                ObjectNode d = diffs.addObject();
                d.put("id", Baseline.id(c, f));
                d.put("fingerprint", f.fingerprint());
                d.put("comparison", f.comparison().word());
                d.put("path", f.path());
                d.put("type", f.type().name());
                if (f.member() != null) {
                    d.put("member", f.member());
                }
                d.set("expected", value(f.expected()));
                d.set("actual", value(f.actual()));
                d.put("severity", f.severity().word());
                d.put("rule", f.rule());
                d.put("summary", Findings.summary(f));
                baseline(d, f.baseline());
                ignored(d, f.ignored());
            }
        }
        ArrayNode unmanaged = node.putArray("unmanaged");
        for (UnmanagedFinding u : s.unmanaged()) {
            ObjectNode un = unmanaged.addObject();
            un.put("id", u.key());
            un.put("fingerprint", u.fingerprint());
            un.put("pool", u.poolKey());
            un.put("pool_id", u.poolId());
            un.put("client_id", u.clientId());
            un.put("name", u.name());
            un.put("created", u.created() == null ? null : u.created().toString());
            un.put("secret", u.secret());
            un.put("client_credentials", u.clientCredentials());
            un.put("severity", u.severity().word());
            un.put("rule", u.rule());
            un.put("summary", Findings.summary(u));
            baseline(un, u.baseline());
        }
        ArrayNode pools = node.putArray("pools");
        for (PoolCoverage p : s.pools()) {
            pools.addObject().put("pool", p.poolKey()).put("pool_id", p.poolId()).put("managed", p.managed())
                    .put("total", p.total()).put("coverage_pct", p.percent());
        }
        ArrayNode resolved = node.putArray("resolved");
        for (ResolvedFinding f : s.resolved()) {
            resolved.addObject().put("id", f.id()).put("address", f.address()).put("summary", f.summary())
                    .put("severity", f.severity().word());
        }
        node.set("diagnostics", diagnostics(s.diagnostics()));
        return node;
    }

    private static void baseline(ObjectNode node, BaselineState state) {
        if (state != null) {
            node.put("baseline", state.word());
        }
    }

    private static void ignored(ObjectNode node, IgnoreMatch m) {
        if (m != null) {
            node.putObject("ignored").put("rule", m.ruleId()).put("reason", m.reason()).put("owner", m.owner())
                    .put("expires", m.expires() == null ? null : m.expires().toString());
        }
    }

    private static JsonNode value(Object v) {
        if (v instanceof Collection<?> c) {
            ArrayNode a = F.arrayNode();
            c.forEach(e -> a.add(String.valueOf(e)));
            return a;
        }
        return SettingsJson.mapper().valueToTree(v);
    }

    static ArrayNode diagnostics(List<Diagnostic> list) {
        ArrayNode a = F.arrayNode();
        for (Diagnostic d : list) {
            a.addObject().put("severity", d.severity().word()).put("rule", d.rule()).put("path", d.path())
                    .put("message", d.message()).put("hint", d.hint());
        }
        return a;
    }

    /**
     * The drift findings of a report this view wrote, as a baseline: differences not ignored, deleted
     * clients and unmanaged clients, each with its id and fingerprint.
     */
    public static Baseline readBaseline(String json) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new IOException("it is not JSON" + (at == null || at.getLineNr() < 0 ? ""
                    : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; the baseline must be a JSON report of cogform drift --format json", e);
        }
        String version = root == null ? "" : root.path("format_version").asText("");
        if (version.startsWith("1.") && !root.path("stacks").isArray()) {
            throw new IOException("it is not a drift report (it has no \"stacks\"; a saved plan, say);"
                    + " the baseline must be a JSON report of cogform drift --format json");
        }
        if (!version.startsWith("1.")) {
            throw new IOException("format_version '" + version + "' is not supported (expected 1.x);"
                    + " the baseline must be a JSON report of cogform drift --format json");
        }
        List<Baseline.Entry> entries = new ArrayList<>();
        for (JsonNode s : root.path("stacks")) {
            String stack = s.path("stack").asText();
            for (JsonNode c : s.path("clients")) {
                String address = c.path("address").asText();
                if ("DELETED".equals(c.path("status").asText())) {
                    entries.add(entry(stack, c, address));
                }
                for (JsonNode d : c.path("differences")) {
                    if (!d.has("ignored")) {
                        entries.add(entry(stack, d, address));
                    }
                }
            }
            for (JsonNode u : s.path("unmanaged")) {
                entries.add(entry(stack, u, u.path("pool").asText(u.path("pool_id").asText())));
            }
        }
        return Baseline.of(entries);
    }

    private static Baseline.Entry entry(String stack, JsonNode n, String address) {
        return new Baseline.Entry(stack, n.path("id").asText(), n.path("fingerprint").asText(), address,
                n.path("summary").asText(), DriftSeverity.parse(n.path("severity").asText("low")));
    }
}
