package dev.cogform.cli.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.diag.SourcePosition;
import dev.cogform.core.drift.Baseline;
import dev.cogform.core.drift.ClientFinding;
import dev.cogform.core.drift.DriftReport;
import dev.cogform.core.drift.FieldFinding;
import dev.cogform.core.drift.Findings;
import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.drift.SeverityRules;
import dev.cogform.core.drift.StackReport;
import dev.cogform.core.drift.Status;
import dev.cogform.core.drift.UnmanagedFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drift report as SARIF 2.1.0 for code-scanning tools: one {@code result} per finding (field
 * differences, deleted and unmanaged clients), {@code ruleId} per field class, {@code level} from the
 * severity (high: error, medium: warning, low: note), located at the client's line in cogform.yaml,
 * with {@code partialFingerprints} from the finding id so tools follow a finding across runs. Ignored
 * findings carry an external suppression with the rule's reason; clients not checked are tool
 * execution notifications, and make the invocation unsuccessful.
 */
public final class SarifDriftView implements DriftView {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;

    public SarifDriftView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void render(DriftReport r) {
        ObjectNode root = F.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "cogform");
        driver.put("version", r.toolVersion());
        driver.put("informationUri", "https://github.com/cogform/cogform/blob/main/docs/drift.md");
        ArrayNode rules = driver.putArray("rules");
        List<String> ids = new ArrayList<>(SeverityRules.DESCRIPTIONS.keySet());
        for (String id : ids) {
            ObjectNode rule = rules.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", SeverityRules.DESCRIPTIONS.get(id));
            rule.putObject("help").put("text", "See docs/drift.md#severities");
        }
        ArrayNode results = run.putArray("results");
        ArrayNode notifications = F.arrayNode();
        for (StackReport s : r.stacks()) {
            for (ClientFinding c : s.clients()) {
                if (c.status() == Status.DELETED) {
                    result(results, ids, c.rule(), c.severity(), c.address() + ": " + c.detail(), s, c.at(), c.key(), null)
                            .putObject("properties").put("status", c.status().name());
                } else if (c.status() == Status.NOT_CHECKED) {
                    ObjectNode n = notifications.addObject();
                    n.putObject("message").put("text", c.address() + " was not checked (" + c.reason().word() + "): "
                            + c.detail());
                    n.put("level", "error");
                    n.putObject("descriptor").put("id", "client-not-checked");
                }
                for (FieldFinding f : c.fields()) {
                    ObjectNode res = result(results, ids, f.rule(), f.severity(),
                            c.address() + ": " + Findings.summary(f), s, c.at(), Baseline.id(c, f),
                            f.isIgnored() ? f.ignored().reason() + " (owner " + f.ignored().owner() + ", until "
                                    + f.ignored().expires() + ")" : null);
                    ObjectNode p = res.putObject("properties");
                    p.put("status", c.status().name());
                    p.put("comparison", f.comparison().word());
                    p.put("path", f.path());
                    p.put("differenceType", f.type().name());
                    p.put("expected", Findings.show(f, f.expected()));
                    p.put("actual", Findings.show(f, f.actual()));
                    if (f.baseline() != null) {
                        p.put("baseline", f.baseline().word());
                    }
                }
            }
            for (UnmanagedFinding u : s.unmanaged()) {
                result(results, ids, u.rule(), u.severity(), Findings.summary(u), s, null, u.key(), null)
                        .putObject("properties").put("status", Status.UNMANAGED.name());
            }
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", !r.incomplete());
        if (!notifications.isEmpty()) {
            invocation.set("toolExecutionNotifications", notifications);
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static ObjectNode result(ArrayNode results, List<String> ids, String rule, DriftSeverity severity, String message,
                                     StackReport stack, SourcePosition at, String id, String suppressed) {
        ObjectNode res = results.addObject();
        res.put("ruleId", rule);
        if (ids.contains(rule)) {
            res.put("ruleIndex", ids.indexOf(rule));
        }
        res.put("level", level(severity));
        res.putObject("message").put("text", message);
        ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(stack.stack(), at == null ? "cogform.yaml" : at.file()));
        physical.putObject("region").put("startLine", at == null ? 1 : Math.max(1, at.line()))
                .put("startColumn", at == null ? 1 : Math.max(1, at.column()));
        res.putObject("partialFingerprints").put("cogformFinding/v1", stack.stack() + "|" + id);
        if (suppressed != null) {
            res.putArray("suppressions").addObject().put("kind", "external").put("justification", suppressed);
        }
        return res;
    }

    static String level(DriftSeverity s) {
        return Map.of(DriftSeverity.HIGH, "error", DriftSeverity.MEDIUM, "warning", DriftSeverity.LOW, "note").get(s);
    }

    /** The file as a URI reference: relative with forward slashes, or a file: URI when absolute. */
    static String uri(String stack, String file) {
        Path p = Path.of(stack).resolve(file).normalize();
        if (p.isAbsolute()) {
            return p.toUri().toString();
        }
        try {
            return new URI(null, null, p.toString().replace('\\', '/'), null).toString();
        } catch (URISyntaxException e) {
            return p.toString().replace('\\', '/');
        }
    }
}
