package dev.cogform.cli.view;

import dev.cogform.core.drift.ClientFinding;
import dev.cogform.core.drift.DriftReport;
import dev.cogform.core.drift.FieldFinding;
import dev.cogform.core.drift.Findings;
import dev.cogform.core.drift.StackReport;
import dev.cogform.core.drift.Status;
import dev.cogform.core.drift.UnmanagedFinding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The drift report as JUnit XML, so drift shows in any CI test tab: one test suite per stack, one
 * test case per client: a failure for MODIFIED and DELETED (and UNMANAGED clients), an error for
 * NOT_CHECKED, skipped for IGNORED, passed for IN_SYNC.
 */
public final class JunitDriftView implements DriftView {

    private final PrintWriter out;

    public JunitDriftView(PrintWriter out) {
        this.out = out;
    }

    private record Case(String name, String kind, String type, String message, String body) {
    }

    @Override
    public void render(DriftReport r) {
        List<List<Case>> suites = r.stacks().stream().map(JunitDriftView::cases).toList();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<testsuites name=\"cogform drift\"" + counts(suites.stream().flatMap(List::stream).toList())
                + " time=\"0\">");
        for (int i = 0; i < suites.size(); i++) {
            StackReport s = r.stacks().get(i);
            List<Case> cases = suites.get(i);
            out.println("  <testsuite name=\"" + esc(s.stack()) + "\"" + counts(cases) + " time=\"0\" timestamp=\""
                    + r.generatedAt().toString().replaceAll("\\.\\d+Z$", "").replace("Z", "") + "\">");
            String classname = "cogform.drift." + s.stack();
            for (Case c : cases) {
                out.print("    <testcase classname=\"" + esc(classname) + "\" name=\"" + esc(c.name()) + "\" time=\"0\"");
                if (c.kind() == null) {
                    out.println("/>");
                    continue;
                }
                out.println(">");
                if (c.kind().equals("skipped")) {
                    out.println("      <skipped message=\"" + esc(c.message()) + "\"/>");
                } else {
                    out.println("      <" + c.kind() + " message=\"" + esc(c.message()) + "\" type=\"" + c.type() + "\">"
                            + esc(c.body()) + "</" + c.kind() + ">");
                }
                out.println("    </testcase>");
            }
            if (!s.diagnostics().isEmpty()) {
                out.println("    <system-err>" + esc(s.diagnostics().stream().map(d -> d.format())
                        .collect(Collectors.joining("\n"))) + "</system-err>");
            }
            out.println("  </testsuite>");
        }
        out.println("</testsuites>");
        out.flush();
    }

    private static List<Case> cases(StackReport s) {
        List<Case> out = new ArrayList<>();
        for (ClientFinding c : s.clients()) {
            String name = c.address().toString();
            String body = c.fields().stream().map(f -> "[" + f.severity().word() + "] " + Findings.summary(f)
                    + (f.isIgnored() ? " IGNORED: " + f.ignored().reason() : "")).collect(Collectors.joining("\n"));
            switch (c.status()) {
                case IN_SYNC -> out.add(new Case(name, null, null, null, null));
                case MODIFIED -> out.add(new Case(name, "failure", "MODIFIED", c.fields().stream()
                        .filter(f -> !f.isIgnored()).count() + " difference(s), highest "
                        + c.maxSeverity().map(x -> x.word()).orElse("low"), body));
                case DELETED -> out.add(new Case(name, "failure", "DELETED", c.detail(), c.detail()));
                case NOT_CHECKED -> out.add(new Case(name, "error", "NOT_CHECKED",
                        "not checked (" + c.reason().word() + ")", c.detail()));
                case IGNORED -> out.add(new Case(name, "skipped", "IGNORED", "ignored: "
                        + (c.ignored() == null ? "" : c.ignored().reason()), body));
                default -> { }
            }
        }
        for (UnmanagedFinding u : s.unmanaged()) {
            out.add(new Case("unmanaged " + u.poolId() + "/" + u.clientId(), "failure", "UNMANAGED",
                    Findings.summary(u), Findings.summary(u) + " [" + u.severity().word() + "]"));
        }
        return out;
    }

    private static String counts(List<Case> cases) {
        return " tests=\"" + cases.size() + "\" failures=\"" + count(cases, "failure") + "\" errors=\""
                + count(cases, "error") + "\" skipped=\"" + count(cases, "skipped") + "\"";
    }

    private static long count(List<Case> cases, String kind) {
        return cases.stream().filter(c -> kind.equals(c.kind())).count();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                        b.append(' ');
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
