package dev.cogform.cli.view;

import dev.cogform.core.drift.ClientFinding;
import dev.cogform.core.drift.DriftReport;
import dev.cogform.core.drift.FieldFinding;
import dev.cogform.core.drift.Findings;
import dev.cogform.core.drift.Notable;
import dev.cogform.core.drift.PoolCoverage;
import dev.cogform.core.drift.StackReport;
import dev.cogform.core.drift.Status;
import java.io.PrintWriter;
import java.util.List;

/**
 * The drift report as Markdown for an issue or a chat message: the summary first, then the findings
 * with the highest severity first (with a baseline: only what is new, changed or resolved, the rest
 * folded), then clients not checked, ignored findings and coverage in collapsed sections.
 */
public final class MarkdownDriftView implements DriftView {

    private final PrintWriter out;

    public MarkdownDriftView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void render(DriftReport r) {
        out.println("## cogform drift: " + headline(r));
        out.println();
        out.println(HumanDriftView.summary(r).replace("Drift: ", ""));
        List<Notable> shown = r.news();
        out.println();
        if (shown.isEmpty()) {
            out.println(r.baselined() ? "Nothing new since the baseline." : "No drift.");
        } else {
            out.println("| DriftSeverity | Stack | Client | Finding |" + (r.baselined() ? " Since baseline |" : ""));
            out.println("|---|---|---|---|" + (r.baselined() ? "---|" : ""));
            for (Notable n : shown) {
                out.println("| " + icon(n.severity().word()) + " " + n.severity().word() + " | " + cell(n.stack())
                        + " | `" + cell(n.address()) + "` | " + cell(n.summary()) + " |"
                        + (r.baselined() ? " " + n.baseline().word() + " |" : ""));
            }
        }
        if (r.baselined() && r.drift().size() > shown.size()) {
            out.println();
            out.println("<details><summary>Unchanged since the baseline (" + (r.drift().size() - shown.size())
                    + ")</summary>");
            out.println();
            r.drift().stream().filter(n -> !n.baseline().news()).forEach(n -> out.println("- "
                    + n.severity().word() + " `" + cell(n.address()) + "` " + cell(n.summary())));
            out.println();
            out.println("</details>");
        }
        section("Not checked", r, c -> c.status() == Status.NOT_CHECKED, c -> "- `" + c.address() + "` ("
                + cell(c.reason().word()) + "): " + cell(c.detail()));
        StringBuilder ignored = new StringBuilder();
        for (StackReport s : r.stacks()) {
            for (ClientFinding c : s.clients()) {
                for (FieldFinding f : c.fields()) {
                    if (f.isIgnored()) {
                        ignored.append("- `").append(c.address()).append("` ").append(cell(Findings.summary(f)))
                                .append(": ").append(cell(f.ignored().reason())).append(" (")
                                .append(cell(f.ignored().owner())).append(", until ").append(f.ignored().expires())
                                .append(")\n");
                    }
                }
            }
        }
        if (ignored.length() > 0) {
            out.println();
            out.println("<details><summary>Ignored</summary>");
            out.println();
            out.print(ignored);
            out.println();
            out.println("</details>");
        }
        out.println();
        out.println("<details><summary>Coverage</summary>");
        out.println();
        out.println("| Stack | Pool | Managed | All | Coverage |");
        out.println("|---|---|---|---|---|");
        for (StackReport s : r.stacks()) {
            for (PoolCoverage p : s.pools()) {
                out.println("| " + cell(s.stack()) + " | " + cell(p.poolKey() == null ? p.poolId() : p.poolKey() + " ("
                        + p.poolId() + ")") + " | " + p.managed() + " | " + p.total() + " | " + p.percent() + "% |");
            }
        }
        out.println();
        out.println("</details>");
        out.println();
        out.println("<sub>cogform " + r.toolVersion() + ", " + r.generatedAt() + ", report format "
                + r.formatVersion() + "</sub>");
        out.flush();
    }

    private static String headline(DriftReport r) {
        if (r.count(Status.NOT_CHECKED) > 0) {
            return "⚠️ " + r.count(Status.NOT_CHECKED) + " client(s) not checked";
        }
        List<Notable> news = r.news();
        if (news.isEmpty()) {
            return r.baselined() ? "nothing new" : "in sync ✅";
        }
        return news.size() + " finding(s), highest severity **" + news.get(0).severity().word() + "**";
    }

    private void section(String title, DriftReport r, java.util.function.Predicate<ClientFinding> which,
                         java.util.function.Function<ClientFinding, String> line) {
        List<String> lines = r.stacks().stream().flatMap(s -> s.clients().stream()).filter(which).map(line).toList();
        if (!lines.isEmpty()) {
            out.println();
            out.println("### " + title + " (" + lines.size() + ")");
            out.println();
            lines.forEach(out::println);
        }
    }

    private static String icon(String severity) {
        return switch (severity) {
            case "high" -> "🔴";
            case "medium" -> "🟠";
            default -> "🟡";
        };
    }

    static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }
}
