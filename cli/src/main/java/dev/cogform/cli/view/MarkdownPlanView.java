package dev.cogform.cli.view;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.ActionReason;
import dev.cogform.core.plan.AttributeDiff;
import dev.cogform.core.plan.Drift;
import dev.cogform.core.plan.GitProvenance;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PriorClient;
import dev.cogform.core.plan.ResourceChange;
import dev.cogform.core.plan.SecretChange;
import dev.cogform.core.plan.StateChange;
import dev.cogform.core.plan.SourceLines;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plan as a pull-request comment (GitHub-flavoured Markdown), from the same plan data as the text
 * and JSON views: a hidden marker to find the comment again, one status heading with the summary,
 * warnings, a table of changed clients, one collapsed diff per client, and a provenance footer.
 *
 * <p>The comment stays under {@code maxBytes} (UTF-8) deterministically: whole clients drop from the
 * bottom, and a note says how many; the marker, heading, summary, warnings and footer never drop.
 * Warnings list at most {@link #LISTED} clients each, so they fit any budget of at least {@link #MIN_BYTES}.
 */
public final class MarkdownPlanView implements PlanView {

    /** GitHub's comment limit is 65,536 characters; bytes are never fewer, so this leaves room. */
    public static final int DEFAULT_MAX_BYTES = 65_000;
    /** The smallest budget: room for the heading, every warning and the footer. */
    public static final int MIN_BYTES = 16_384;
    /** Clients (or errors) named per warning; the rest are counted. */
    static final int LISTED = 10;
    private static final int MAX_ITEM = 160;

    private final PrintWriter out;
    private final String stack;
    private final int maxBytes;

    /**
     * {@code stack} names the stack in the marker and heading when the plan has no git provenance (which
     * names it by its path in the repository).
     */
    public MarkdownPlanView(PrintWriter out, String stack, int maxBytes) {
        if (maxBytes < MIN_BYTES) {
            throw new IllegalArgumentException("--max-bytes must be at least " + MIN_BYTES + ", got " + maxBytes);
        }
        this.out = out;
        this.stack = stack;
        this.maxBytes = maxBytes;
    }

    @Override
    public void render(Plan plan) {
        out.print(markdown(plan));
        out.flush();
    }

    /** The comment. */
    public String markdown(Plan plan) {
        String head = header(plan);
        String foot = footer(plan);
        List<ResourceChange> actions = plan.actions();
        List<String> rows = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (ResourceChange c : actions) {
            rows.add(row(c));
            details.add(details(plan, c));
        }
        int shown = fit(head, rows, details, foot, actions.size());
        StringBuilder md = new StringBuilder(head);
        md.append(body(rows, details, shown, actions.size()));
        md.append(foot);
        return md.toString();
    }

    /** The most clients, from the top, whose rows and details fit the budget with everything else. */
    private int fit(String head, List<String> rows, List<String> details, String foot, int total) {
        int fixed = Markdown.bytes(head) + Markdown.bytes(foot);
        // The blank line body() puts between the table and the details counts too.
        int used = fixed + Markdown.bytes(tableHeader(total)) + (total == 0 ? 0 : 1) + Markdown.bytes(omitted(total, total));
        int shown = 0;
        while (shown < total) {
            int next = Markdown.bytes(rows.get(shown)) + Markdown.bytes(details.get(shown));
            int note = Markdown.bytes(omitted(total - shown - 1, total)) - Markdown.bytes(omitted(total - shown, total));
            if (used + next + note > maxBytes) {
                break;
            }
            used += next + note;
            shown++;
        }
        return shown;
    }

    private String body(List<String> rows, List<String> details, int shown, int total) {
        StringBuilder b = new StringBuilder();
        if (total == 0) {
            return "";
        }
        b.append(tableHeader(total));
        for (int i = 0; i < shown; i++) {
            b.append(rows.get(i));
        }
        b.append('\n');
        for (int i = 0; i < shown; i++) {
            b.append(details.get(i));
        }
        b.append(omitted(total - shown, total));
        return b.toString();
    }

    private static String tableHeader(int total) {
        return total == 0 ? "" : "| Client | Action | Fields |\n|---|---|---|\n";
    }

    private String omitted(int count, int total) {
        if (count == 0) {
            return "";
        }
        return "> ✂️ **" + count + " of " + total + " clients omitted** to keep this comment under " + String.format("%,d", maxBytes)
                + " bytes; the plan file has them all (`cogform show FILE`).\n\n";
    }

    // ---- header: marker, status heading, summary, warnings ----

    private String stackName(Plan plan) {
        if (plan.git() != null) {
            return plan.git().stack().isEmpty() ? "." : plan.git().stack();
        }
        return stack;
    }

    private String header(Plan plan) {
        StringBuilder h = new StringBuilder();
        String name = stackName(plan);
        h.append("<!-- cogform:v1 stack=").append(name.replace("-->", "--\\>").replaceAll("\\s", "%20"))
                .append(" digest=").append(plan.digest()).append(" -->\n");
        String status = status(plan);
        int space = status.indexOf(' ');
        h.append("## ").append(status, 0, space).append(" cogform plan for ").append(Markdown.code(name)).append(':')
                .append(status.substring(space)).append("\n\n");
        h.append(summaryLine(plan)).append("\n\n");
        for (String w : warnings(plan)) {
            h.append("> ").append(w).append("\n\n");
        }
        return h.toString();
    }

    /** One status, its emoji first: errors, destructive or identity change, changes, or no changes. */
    static String status(Plan plan) {
        if (plan.errored()) {
            return "❌ errors";
        }
        if (plan.actions().stream().anyMatch(ResourceChange::destructive)) {
            return "🔴 destructive or identity change";
        }
        if (plan.hasChanges()) {
            return "🟡 changes";
        }
        return "🟢 no changes";
    }

    /** The summary line, in the words of the text view's footer. */
    public static String summaryLine(Plan plan) {
        int imports = plan.imports().size();
        long rotate = plan.secretChanges().stream().filter(c -> c.kind() == SecretChange.Kind.ROTATE).count();
        long deleteOld = plan.secretChanges().size() - rotate;
        String s = "**Plan:** " + (imports > 0 ? imports + " to import, " : "") + plan.count(Action.CREATE) + " to add, "
                + plan.count(Action.UPDATE) + " to change, " + plan.count(Action.REPLACE) + " to replace, "
                + plan.count(Action.DELETE) + " to destroy"
                + (plan.secretChanges().isEmpty() ? "" : ", " + rotate + (rotate == 1 ? " secret" : " secrets")
                        + " to rotate, " + deleteOld + " old " + (deleteOld == 1 ? "secret" : "secrets") + " to delete")
                + ".";
        if (!plan.drift().isEmpty()) {
            s += " " + plan.drift().size() + " changed outside cogform.";
        }
        // Imports are state changes too, but counted as imports above.
        long recorded = plan.stateChanges().stream().filter(c -> c.kind() != StateChange.Kind.IMPORT).count();
        if (recorded > 0) {
            s += " " + recorded + " state " + (recorded == 1 ? "change" : "changes") + " without Cognito calls.";
        }
        return s;
    }

    /** The warnings, each one line, in order of gravity; never dropped by truncation. */
    public static List<String> warnings(Plan plan) {
        List<String> w = new ArrayList<>();
        List<Diagnostic> errors = plan.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            w.add("❌ **The plan has " + count(errors.size(), "error") + " and cannot be applied:** "
                    + listed(errors.stream().map(d -> Markdown.text((d.path() != null ? d.path() + ": " : "") + d.message()))
                    .toList(), "; "));
        }
        List<ResourceChange> refused = plan.actions().stream().filter(c -> c.destructive() && c.preventDestroy()).toList();
        if (!refused.isEmpty()) {
            w.add("⛔ **Refused by `lifecycle.prevent_destroy`:** this plan would " + listed(refused.stream()
                    .map(c -> (c.action() == Action.DELETE ? "delete " : "replace ") + Markdown.code(c.address().toString()))
                    .toList(), ", ") + "; remove the protection first if that is intended.");
        }
        List<ResourceChange> replaced = byAction(plan, Action.REPLACE);
        if (!replaced.isEmpty()) {
            w.add("🔴 **" + count(replaced.size(), "client") + " will be replaced, and "
                    + (replaced.size() == 1 ? "its client id changes" : "their client ids change")
                    + ":** every app, identity provider and secret store that uses the old id breaks until it is"
                    + " switched to the new one: " + listed(replaced.stream().map(c -> Markdown.code(c.address().toString())
                    + " (" + Markdown.text(replaceReason(c)) + ")").toList(), ", ") + ".");
        }
        List<ResourceChange> deleted = byAction(plan, Action.DELETE);
        if (!deleted.isEmpty()) {
            w.add("⚠️ **" + count(deleted.size(), "client") + " will be deleted:** " + listed(deleted.stream()
                    .map(c -> Markdown.code(c.address().toString())).toList(), ", ") + ".");
        }
        Map<ClientAddress, List<String>> resets = new LinkedHashMap<>();
        for (ResourceChange c : plan.actions()) {
            List<String> fields = c.diffs().stream().filter(AttributeDiff::impliedReset).map(d -> d.field().key()).toList();
            if (!fields.isEmpty() && c.action() != Action.CREATE) {
                resets.put(c.address(), fields);
            }
        }
        if (!resets.isEmpty()) {
            int n = resets.values().stream().mapToInt(List::size).sum();
            w.add("⚠️ **" + count(n, "field") + " will return to Cognito's default** because cogform.yaml leaves "
                    + (n == 1 ? "it" : "them") + " out (an update replaces the whole client): " + listed(resets.entrySet()
                    .stream().map(e -> Markdown.code(e.getKey().toString()) + " " + String.join(", ", e.getValue()))
                    .toList(), "; ") + ".");
        }
        List<ResourceChange> imports = plan.imports();
        if (!imports.isEmpty()) {
            // Apart from the other changes: an import changes no client, it makes cogform manage one.
            w.add("📥 **" + count(imports.size(), "existing client") + " will be imported** (taken into the state as"
                    + " it is in Cognito): " + listed(imports.stream().map(c -> Markdown.code(c.address().toString())
                    + " (client " + Markdown.code(c.importing().orElseThrow()) + (c.action() == Action.UPDATE
                    ? ", then updated" : ", no change") + ")").toList(), ", ") + ".");
        }
        if (!plan.secretChanges().isEmpty()) {
            w.add("🔑 **Client secrets:** " + listed(plan.secretChanges().stream().map(MarkdownPlanView::secretWords)
                    .toList(), "; ") + ". Consumers read the new secret with `cogform secret ADDRESS`; the old one"
                    + " stays valid until it is deleted.");
        }
        if (!plan.drift().isEmpty()) {
            Map<ClientAddress, ResourceChange> acted = new LinkedHashMap<>();
            plan.actions().forEach(c -> acted.put(c.address(), c));
            w.add("ℹ️ **" + count(plan.drift().size(), "client") + " changed outside cogform** since the last apply: "
                    + listed(plan.drift().stream().map(d -> Markdown.code(d.address().toString()) + " "
                    + driftWords(d, acted.get(d.address()))).toList(), "; ") + ".");
        }
        if (!plan.targets().isEmpty()) {
            w.add("⚠️ **A partial plan** (`--target`): only " + listed(plan.targets().stream()
                    .map(t -> Markdown.code(t.toString())).toList(), ", ") + "; other changes and drift are not shown.");
        }
        if (!plan.refreshed()) {
            w.add("ℹ️ **Planned from the recorded state only** (`--refresh=false`): changes made outside cogform are"
                    + " not detected.");
        }
        if (plan.sandbox()) {
            w.add("ℹ️ **Sandbox:** planned against the in-process cogform sandbox; nothing in AWS was read.");
        }
        return w;
    }

    /** One secret step in the text view's words (never a value). */
    private static String secretWords(SecretChange c) {
        String age = "newest secret is " + c.newestAgeDays() + (c.newestAgeDays() == 1 ? " day" : " days") + " old";
        return Markdown.code(c.address().toString()) + switch (c.kind()) {
            case ROTATE -> " secret will be rotated (" + (c.reason() == SecretChange.Reason.REQUESTED
                    ? "`--rotate-secret`; " : "") + age + ")";
            case DELETE_OLD -> " old secret will be deleted (" + Markdown.code(c.secretId()) + "; " + age + ")";
        };
    }

    /** What happened outside cogform and what this plan does about it: reverts it, or records it. */
    private static String driftWords(Drift d, ResourceChange change) {
        if (d.kind() == Drift.Kind.DELETED) {
            return change != null && change.action() == Action.CREATE ? "was deleted; this plan re-creates it"
                    : "was deleted; this plan forgets it";
        }
        Set<String> planned = change == null || change.action() == Action.DELETE ? Set.of()
                : change.diffs().stream().map(x -> x.field().key()).collect(Collectors.toSet());
        List<String> reverted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        d.diffs().forEach(x -> (planned.contains(x.field().key()) ? reverted : kept).add(x.field().key()));
        List<String> parts = new ArrayList<>();
        if (!reverted.isEmpty()) {
            parts.add(String.join(", ", reverted) + ": this plan **reverts** it");
        }
        if (!kept.isEmpty()) {
            parts.add(String.join(", ", kept) + (change != null && change.action() == Action.DELETE
                    ? ": the client is deleted" : ": kept, cogform.yaml agrees or ignores it"));
        }
        return "(" + String.join("; ", parts) + ")";
    }

    private static String replaceReason(ResourceChange c) {
        if (c.reason() == ActionReason.REPLACE_BECAUSE_POOL_CHANGED) {
            return "its pool changes";
        }
        return c.diffs().stream().filter(AttributeDiff::forcesReplacement).map(d -> d.field().key())
                .collect(Collectors.joining(", ")) + " can only be set at creation";
    }

    private static List<ResourceChange> byAction(Plan plan, Action action) {
        return plan.actions().stream().filter(c -> c.action() == action).toList();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** At most {@link #LISTED} items, each cut to a bounded length, then "and N more". */
    private static String listed(List<String> items, String separator) {
        List<String> shown = items.stream().limit(LISTED)
                .map(s -> s.length() > MAX_ITEM ? s.substring(0, MAX_ITEM) + "…" : s).toList();
        String text = String.join(separator, shown);
        return items.size() > LISTED ? text + separator + "and " + (items.size() - LISTED) + " more" : text;
    }

    // ---- table and details ----

    private static String actionWords(ResourceChange c) {
        String word = switch (c.action()) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case REPLACE -> "replace";
            case DELETE -> "destroy";
            case NO_OP -> "no-op";
        };
        String words = c.action() == Action.NO_OP ? word : "`" + c.action().symbol() + "` " + word;
        return c.importing().isPresent() ? "`<=` import, then " + words : words;
    }

    private static String row(ResourceChange c) {
        String fields = c.action() == Action.CREATE ? "(new client)" : c.action() == Action.DELETE ? "(whole client)"
                : c.diffs().stream().map(d -> d.field().key()).collect(Collectors.joining(", "));
        return "| " + Markdown.code(c.address().toString()) + " | " + actionWords(c) + " | " + fields + " |\n";
    }

    private static String details(Plan plan, ResourceChange c) {
        List<String> lines = new ArrayList<>();
        switch (c.action()) {
            case CREATE -> c.diffs().forEach(d -> {
                if (d.field().members().isEmpty()) {
                    lines.add("+ " + d.field().key() + ": " + Values.show(d.field(), d.after()));
                }
                Values.memberChanges(d.field(), null, d.after()).forEach(m -> lines.add("+ " + m.path() + ": " + m.after()));
            });
            case DELETE -> {
                PriorClient p = ((ResourceChange.Delete) c).prior();
                lines.add("- client " + p.clientId() + " in pool " + p.poolId() + " is deleted");
            }
            default -> c.diffs().forEach(d -> diffLines(d, c.action() == Action.REPLACE, lines));
        }
        String where = c.existing().map(p -> "client " + p.clientId() + ", pool " + p.poolId())
                .orElse("pool " + c.poolId());
        String fence = Markdown.fence(lines);
        StringBuilder b = new StringBuilder();
        b.append("<details><summary><code>").append(Markdown.html(c.action().symbol() + " " + c.address()))
                .append("</code> ").append(Markdown.html(c.action().word())).append(" (").append(Markdown.html(where))
                .append(")</summary>\n\n");
        b.append(fence).append("diff\n");
        lines.forEach(l -> b.append(l).append('\n'));
        b.append(fence).append("\n");
        String links = links(plan, c);
        if (!links.isEmpty()) {
            b.append("\nIn cogform.yaml: ").append(links).append("\n");
        }
        b.append("\n</details>\n\n");
        return b.toString();
    }

    private static void diffLines(AttributeDiff d, boolean replacing, List<String> lines) {
        String key = d.field().key();
        String note = replacing && d.forcesReplacement() ? "   # forces replacement"
                : d.impliedReset() ? "   # implied reset: cogform.yaml leaves it out, Cognito's default returns" : "";
        if (d.field().kind() == AppClientField.Kind.SET) {
            lines.add("  " + key + ":" + note);
            d.removed().forEach(e -> lines.add("-   " + Values.quote(e)));
            d.added().forEach(e -> lines.add("+   " + Values.quote(e)));
            return;
        }
        if (!d.field().members().isEmpty()) {
            for (Values.MemberChange m : Values.memberChanges(d.field(), d.before(), d.after())) {
                lines.add("- " + m.path() + ": " + m.before());
                lines.add("+ " + m.path() + ": " + m.after() + note);
            }
            return;
        }
        lines.add("- " + key + ": " + Values.show(d.field(), d.before()));
        lines.add("+ " + key + ": " + Values.show(d.field(), d.after()) + note);
    }

    /** Each changed field linked to its line: a GitHub link at the reviewed commit, else {@code file:line}. */
    private static String links(Plan plan, ResourceChange c) {
        SourceLines src = plan.sources().get(c.address());
        if (src == null) {
            return "";
        }
        GitProvenance git = plan.git();
        List<String> keys = new ArrayList<>();
        keys.add(null); // the client itself
        if (c.action() != Action.CREATE) {
            c.diffs().forEach(d -> keys.add(d.field().key()));
        }
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            int line = key == null ? src.line() : src.lineOf(key);
            String label = key == null ? c.address().client() : key;
            String path = git == null ? src.file() : (git.stack().isEmpty() ? "" : git.stack() + "/") + src.file();
            String url = git == null || git.dirty() ? null : Markdown.githubLine(git.remote(), git.reviewedCommit(), path, line);
            out.add(url != null ? "[" + Markdown.text(label) + "](" + url + ")"
                    : Markdown.code(label) + " line " + line);
        }
        return String.join(" · ", out);
    }

    // ---- footer ----

    static String shortId(String id) {
        return id == null ? "(none)" : id.substring(0, Math.min(12, id.length()));
    }

    private static String footer(Plan plan) {
        List<String> parts = new ArrayList<>();
        parts.add("plan " + Markdown.code(plan.digest()));
        GitProvenance g = plan.git();
        if (g == null) {
            parts.add("not in a git work tree");
        } else {
            String commit = g.commit() == null ? "no commit yet" : "commit " + Markdown.code(shortId(g.commit()));
            if (g.branch() != null) {
                commit += " on " + Markdown.code(g.branch());
            }
            if (g.dirty()) {
                commit += " with uncommitted changes to the stack";
            }
            parts.add(commit);
            if (g.pullRequest() != null) {
                parts.add("PR #" + g.pullRequest().number() + " head " + Markdown.code(shortId(g.pullRequest().head())));
            }
            parts.add("stack tree " + Markdown.code(shortId(g.tree())));
        }
        parts.add("state serial " + plan.basedOn().serial());
        parts.add("cogform " + Markdown.text(plan.toolVersion()));
        return "<sub>" + String.join(" · ", parts) + "</sub>\n";
    }
}
