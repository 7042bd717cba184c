package dev.cogform.bench.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.bench.BenchListener;
import dev.cogform.bench.BenchReport;
import dev.cogform.bench.PhaseResult;
import dev.cogform.bench.QuotaFloor;
import dev.cogform.core.model.SettingsJson;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code cogform bench} prints: progress on stderr, then per phase the wall time, the quota
 * floor and the bound that sets it, their ratio, requests per operation, throttled and failed calls;
 * as text or as one JSON document.
 */
public final class BenchView implements BenchListener {

    /** Version of the JSON document; bump on incompatible changes. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = SettingsJson.mapper();

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public BenchView(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    @Override
    public void onStep(String step) {
        err.println("cogform bench: " + step + "\u2026");
        err.flush();
    }

    public void report(BenchReport report) {
        if (json) {
            try {
                out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document(report)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render the benchmark report as JSON", e);
            }
        } else {
            text(report);
        }
        out.flush();
    }

    private void text(BenchReport report) {
        var o = report.options();
        out.println("cogform bench: " + o.clients() + " clients over " + o.pools() + " pools, sandbox (not AWS) quotas x"
                + number(o.quotaScale()) + ", " + report.processors() + " processors, Java " + report.javaVersion());
        for (PhaseResult p : report.phases()) {
            out.println();
            out.println(p.phase() == dev.cogform.bench.BenchOptions.Phase.PLAN
                    ? "plan: refresh + plan of " + p.clients() + " managed clients"
                    : "apply: refresh + plan + apply of " + p.clients() + " new clients");
            out.println(row("wall time", seconds(p.wall().toNanos() / 1e9)));
            QuotaFloor.Bound bound = p.floor().binding();
            out.println(row("quota floor", seconds(p.floor().seconds()) + (bound == null ? "" : "  (" + bound.quota()
                    + ": " + bound.requests() + " requests at " + number(bound.perSecond()) + "/s, burst "
                    + number(bound.burst()) + ")")));
            out.println(row("wall / floor", p.ratio().isPresent() ? String.format(Locale.ROOT, "%.3f", p.ratio().getAsDouble())
                    : "n/a (every request fit in the quotas' initial burst; use more clients or a lower --quota-scale)"));
            Map<String, Long> byOperation = p.metrics().sentByOperation();
            out.println(row("requests", p.metrics().sent() + (byOperation.isEmpty() ? "" : ": " + byOperation.entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))));
            out.println(row("throttled", String.valueOf(p.metrics().throttled())));
            out.println(row("failed calls", String.valueOf(p.failedCalls())));
            out.println(row("plan", p.actions().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "))));
            out.println(row("errors", p.errors().isEmpty() ? "none" : String.valueOf(p.errors().size())));
            p.errors().stream().limit(10).forEach(e -> out.println("    " + e));
        }
    }

    private static ObjectNode document(BenchReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("sandbox", true);
        root.put("clients", report.options().clients());
        root.put("pools", report.options().pools());
        root.put("quota_scale", report.options().quotaScale());
        root.put("phase", report.options().phase().word());
        root.put("processors", report.processors());
        root.put("java", report.javaVersion());
        root.put("clean", report.clean());
        ArrayNode phases = root.putArray("phases");
        for (PhaseResult p : report.phases()) {
            ObjectNode n = phases.addObject();
            n.put("phase", p.phase().word());
            n.put("wall_seconds", p.wall().toNanos() / 1e9);
            n.put("floor_seconds", p.floor().seconds());
            if (p.ratio().isPresent()) {
                n.put("ratio", p.ratio().getAsDouble());
            } else {
                n.putNull("ratio");
            }
            ObjectNode requests = n.putObject("requests");
            p.metrics().sentByOperation().forEach(requests::put);
            n.put("requests_total", p.metrics().sent());
            n.put("throttled", p.metrics().throttled());
            n.put("failed_calls", p.failedCalls());
            ObjectNode actions = n.putObject("actions");
            p.actions().forEach(actions::put);
            ArrayNode bounds = n.putArray("floor_bounds");
            for (QuotaFloor.Bound b : p.floor().bounds()) {
                bounds.addObject().put("quota", b.quota()).put("requests", b.requests())
                        .put("per_second", b.perSecond()).put("burst", b.burst()).put("seconds", b.seconds());
            }
            ArrayNode errors = n.putArray("errors");
            p.errors().forEach(errors::add);
        }
        return root;
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "  %-14s %s", label, value);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
