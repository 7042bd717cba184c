package dev.cogform.cli.view;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.drift.BaselineState;
import dev.cogform.core.drift.ClientFinding;
import dev.cogform.core.drift.DriftReport;
import dev.cogform.core.drift.FieldFinding;
import dev.cogform.core.drift.Findings;
import dev.cogform.core.drift.IgnoreMatch;
import dev.cogform.core.drift.PoolCoverage;
import dev.cogform.core.drift.ResolvedFinding;
import dev.cogform.core.model.DriftSeverity;
import dev.cogform.core.drift.StackReport;
import dev.cogform.core.drift.Status;
import dev.cogform.core.drift.UnmanagedFinding;
import java.io.PrintWriter;

/** The drift report for people: a summary line, then per stack the clients that are not in sync. */
public final class HumanDriftView implements DriftView {

    private final PrintWriter out;
    private final Colors colors;

    public HumanDriftView(PrintWriter out, Colors colors) {
        this.out = out;
        this.colors = colors;
    }

    @Override
    public void render(DriftReport r) {
        out.println(summary(r));
        for (StackReport s : r.stacks()) {
            out.println();
            out.println(colors.bold("Stack " + s.stack()) + (s.budget() == null ? "" : " (" + s.budget() + ")"));
            if (s.errored()) {
                long errors = s.diagnostics().stream().filter(Diagnostic::isError).count();
                out.println("  " + colors.red("could not be checked fully: " + errors + " error" + (errors == 1 ? "" : "s")
                        + ", listed below"));
            }
            long inSync = s.count(Status.IN_SYNC);
            for (ClientFinding c : s.clients()) {
                if (c.status() != Status.IN_SYNC) {
                    client(c);
                }
            }
            if (inSync > 0) {
                out.println("  " + inSync + " client" + (inSync == 1 ? "" : "s") + " in sync");
            }
            for (UnmanagedFinding u : s.unmanaged()) {
                out.println("  " + colors.yellow("+") + " UNMANAGED " + Findings.summary(u)
                        + (u.created() == null ? "" : ", created " + u.created()) + " " + sev(u.severity())
                        + base(u.baseline()));
            }
            for (PoolCoverage p : s.pools()) {
                out.println("  coverage of pool " + (p.poolKey() == null ? "" : p.poolKey() + " ") + "(" + p.poolId()
                        + "): " + p.managed() + "/" + p.total() + " managed (" + p.percent() + "%)");
            }
            for (ResolvedFinding f : s.resolved()) {
                out.println("  " + colors.green("✓") + " resolved: " + f.address() + " " + f.summary() + " "
                        + sev(f.severity()));
            }
        }
        out.println();
        long failed = r.stacks().stream().filter(StackReport::errored).count();
        out.println((r.baselined()
                ? r.news().size() + " new, changed or resolved finding(s) since the baseline"
                : r.drift().size() + " finding(s)")
                + (failed == 0 ? "." : "; " + failed + " stack" + (failed == 1 ? "" : "s") + " could not be checked fully."));
        out.flush();
    }

    static String summary(DriftReport r) {
        long clients = r.stacks().stream().mapToLong(s -> s.clients().size()).sum();
        return "Drift: " + r.stacks().size() + " stack" + (r.stacks().size() == 1 ? "" : "s") + ", " + clients
                + " clients: " + r.count(Status.IN_SYNC) + " in sync, " + r.count(Status.MODIFIED) + " modified, "
                + r.count(Status.DELETED) + " deleted, " + r.count(Status.NOT_CHECKED) + " not checked, "
                + r.count(Status.IGNORED) + " ignored; " + r.count(Status.UNMANAGED) + " unmanaged."
                + r.maxSeverity().map(s -> " Highest severity: " + s.word() + ".").orElse("");
    }

    private void client(ClientFinding c) {
        String id = c.clientId() == null ? "" : " (client " + c.clientId() + ")";
        switch (c.status()) {
            case DELETED -> out.println("  " + colors.red("-") + " " + c.address() + id + " DELETED "
                    + sev(c.severity()) + ": " + c.detail() + base(c.baseline()));
            case NOT_CHECKED -> out.println("  " + colors.red("?") + " " + c.address() + id + " NOT_CHECKED ("
                    + c.reason().word() + "): " + c.detail());
            default -> {
                out.println("  " + colors.yellow("~") + " " + c.address() + id + " " + c.status().name());
                for (FieldFinding f : c.fields()) {
                    out.println("      " + sev(f.severity()) + " " + Findings.summary(f) + " [" + f.rule() + "]"
                            + ignored(f.ignored()) + base(f.baseline()));
                }
            }
        }
    }

    private String sev(DriftSeverity s) {
        String text = "[" + s.word() + "]";
        return switch (s) {
            case HIGH -> colors.red(text);
            case MEDIUM -> colors.yellow(text);
            case LOW -> text;
        };
    }

    private static String base(BaselineState b) {
        return b == null ? "" : " (" + b.word() + ")";
    }

    static String ignored(IgnoreMatch m) {
        return m == null ? "" : " IGNORED by " + m.ruleId() + ": " + m.reason() + " (owner " + m.owner()
                + (m.expires() == null ? "" : ", until " + m.expires()) + ")";
    }
}
