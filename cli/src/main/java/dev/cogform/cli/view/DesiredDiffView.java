package dev.cogform.cli.view;

import dev.cogform.core.plan.Action;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.cli.git.StackAtCommit;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.SettingsJson;
import dev.cogform.core.plan.AttributeDiff;
import dev.cogform.core.review.DesiredDiff;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cogform diff}: what a branch changes in the desired state, as text, Markdown or JSON, from one
 * {@link DesiredDiff}. It says what cogform.yaml asks for, not what apply would do: no state, no Cognito.
 */
public final class DesiredDiffView {

    static final String FORMAT_VERSION = "1.0";
    private static final ObjectMapper MAPPER = SettingsJson.mapper();

    private final PrintWriter out;

    public DesiredDiffView(PrintWriter out) {
        this.out = out;
    }

    private static String symbol(DesiredDiff.ClientChange c) {
        return switch (c.kind()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> c.replaces() ? Action.REPLACE.symbol() : "~";
        };
    }

    private static String words(DesiredDiff.ClientChange c) {
        return switch (c.kind()) {
            case ADDED -> "added in pool " + c.poolAfter();
            case REMOVED -> "removed (apply deletes it" + (Boolean.TRUE.equals(c.preventDestroyBefore())
                    ? ", but lifecycle.prevent_destroy refuses that" : "") + ")";
            case CHANGED -> c.poolChanged() ? "moves from pool " + c.poolBefore() + " to " + c.poolAfter()
                    + ": a new client, with a new client id"
                    : c.replaces() ? "changed; a create-only field changes, so apply replaces it (new client id)" : "changed";
        };
    }

    private static String summary(DesiredDiff diff) {
        return diff.count(DesiredDiff.Kind.ADDED) + " added, " + diff.count(DesiredDiff.Kind.CHANGED) + " changed, "
                + diff.count(DesiredDiff.Kind.REMOVED) + " removed";
    }

    private static String resets(DesiredDiff diff) {
        long n = diff.clients().stream().mapToLong(c -> c.impliedResets().size()).sum();
        return n == 0 ? null : n + " field" + (n == 1 ? "" : "s") + " leave cogform.yaml and return to Cognito's default";
    }

    private static String origin(StackAtCommit.Sides sides) {
        return "from the merge base with " + sides.baseRef() + " (" + sides.before().commit().substring(0, 12) + ") to "
                + sides.headRef() + " (" + sides.after().commit().substring(0, 12) + ")";
    }

    public void text(StackAtCommit.Sides sides, DesiredDiff diff) {
        String stack = sides.stack().isEmpty() ? "." : sides.stack();
        out.println("Desired state of " + stack + ", " + origin(sides) + (sides.before().loaded() == null
                ? "; the stack has no cogform.yaml at the merge base (new or renamed)" : "") + ":");
        out.println();
        if (diff.empty()) {
            out.println("No changes to the desired state.");
            out.flush();
            return;
        }
        for (DesiredDiff.ClientChange c : diff.clients()) {
            out.println(symbol(c) + " " + c.address() + ": " + words(c));
            for (String line : fieldLines(c)) {
                out.println("    " + line);
            }
        }
        out.println();
        out.println("Desired: " + summary(diff) + ".");
        String resets = resets(diff);
        if (resets != null) {
            out.println("Warning: " + resets + " (marked 'implied reset').");
        }
        out.flush();
    }

    private static List<String> fieldLines(DesiredDiff.ClientChange c) {
        List<String> lines = new ArrayList<>();
        if (c.kind() == DesiredDiff.Kind.REMOVED) {
            return lines;
        }
        for (AttributeDiff d : c.diffs()) {
            String key = d.field().key();
            if (c.kind() == DesiredDiff.Kind.ADDED) {
                if (d.field().members().isEmpty()) {
                    lines.add("+ " + key + ": " + Values.show(d.field(), d.after()));
                }
                Values.memberChanges(d.field(), null, d.after()).forEach(m -> lines.add("+ " + m.path() + ": " + m.after()));
                continue;
            }
            String note = d.impliedReset() ? "   # implied reset: left out of cogform.yaml, Cognito's default returns"
                    : d.forcesReplacement() ? "   # forces replacement" : "";
            if (d.field().kind() == AppClientField.Kind.SET) {
                lines.add("~ " + key + ":" + note);
                d.removed().forEach(e -> lines.add("  - " + Values.quote(e)));
                d.added().forEach(e -> lines.add("  + " + Values.quote(e)));
            } else if (!d.field().members().isEmpty()) {
                Values.memberChanges(d.field(), d.before(), d.after())
                        .forEach(m -> lines.add("~ " + m.path() + ": " + m.before() + " -> " + m.after() + note));
            } else {
                lines.add("~ " + key + ": " + Values.show(d.field(), d.before()) + " -> " + Values.show(d.field(), d.after())
                        + note);
            }
        }
        if (c.kind() == DesiredDiff.Kind.CHANGED && !java.util.Objects.equals(c.preventDestroyBefore(), c.preventDestroyAfter())) {
            lines.add("~ lifecycle.prevent_destroy: " + c.preventDestroyBefore() + " -> " + c.preventDestroyAfter());
        }
        return lines;
    }

    public void markdown(StackAtCommit.Sides sides, DesiredDiff diff) {
        String stack = sides.stack().isEmpty() ? "." : sides.stack();
        StringBuilder b = new StringBuilder();
        b.append("<!-- cogform:v1 diff stack=").append(stack.replace("-->", "--\\>").replaceAll("\\s", "%20"))
                .append(" head=").append(sides.after().commit()).append(" -->\n");
        boolean replaces = diff.clients().stream().anyMatch(c -> c.kind() == DesiredDiff.Kind.REMOVED || c.replaces());
        b.append("## ").append(diff.empty() ? "🟢" : replaces ? "🔴" : "🟡").append(" cogform desired-state diff: ")
                .append(Markdown.code(stack)).append("\n\n");
        b.append("**Desired:** ").append(summary(diff)).append(", ").append(Markdown.text(origin(sides)))
                .append(". No state or AWS was read: this is what cogform.yaml asks for, not a plan.\n\n");
        String resets = resets(diff);
        if (resets != null) {
            b.append("> ⚠️ **").append(resets).append("** (an update replaces the whole client).\n\n");
        }
        if (!diff.empty()) {
            b.append("| Client | Change | Fields |\n|---|---|---|\n");
            for (DesiredDiff.ClientChange c : diff.clients()) {
                b.append("| ").append(Markdown.code(c.address().toString())).append(" | ").append(Markdown.code(symbol(c)))
                        .append(' ').append(Markdown.text(words(c))).append(" | ")
                        .append(String.join(", ", c.diffs().stream().map(d -> d.field().key()).toList())).append(" |\n");
            }
            b.append('\n');
            for (DesiredDiff.ClientChange c : diff.clients()) {
                List<String> lines = fieldLines(c);
                if (lines.isEmpty()) {
                    continue;
                }
                String fence = Markdown.fence(lines);
                b.append("<details><summary><code>").append(Markdown.html(symbol(c) + " " + c.address()))
                        .append("</code></summary>\n\n").append(fence).append("diff\n");
                lines.forEach(l -> b.append(l.startsWith("~") ? "!" + l.substring(1) : l).append('\n'));
                b.append(fence).append("\n\n</details>\n\n");
            }
        }
        out.print(b);
        out.flush();
    }

    public void json(StackAtCommit.Sides sides, DesiredDiff diff) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("stack", sides.stack());
        ObjectNode base = root.putObject("base");
        base.put("ref", sides.baseRef());
        base.put("commit", sides.base());
        base.put("merge_base", sides.before().commit());
        base.put("has_stack", sides.before().loaded() != null);
        ObjectNode head = root.putObject("head");
        head.put("ref", sides.headRef());
        head.put("commit", sides.after().commit());
        ObjectNode summary = root.putObject("summary");
        summary.put("added", diff.count(DesiredDiff.Kind.ADDED));
        summary.put("changed", diff.count(DesiredDiff.Kind.CHANGED));
        summary.put("removed", diff.count(DesiredDiff.Kind.REMOVED));
        summary.put("implied_resets", diff.clients().stream().mapToLong(c -> c.impliedResets().size()).sum());
        summary.put("replacements", diff.clients().stream().filter(DesiredDiff.ClientChange::replaces).count());
        ArrayNode clients = root.putArray("clients");
        for (DesiredDiff.ClientChange c : diff.clients()) {
            ObjectNode o = clients.addObject();
            o.put("address", c.address().toString());
            o.put("change", c.kind().word());
            o.put("pool_before", c.poolBefore());
            o.put("pool_after", c.poolAfter());
            o.put("replaces", c.replaces());
            if (c.preventDestroyBefore() == null) {
                o.putNull("prevent_destroy_before");
            } else {
                o.put("prevent_destroy_before", c.preventDestroyBefore());
            }
            if (c.preventDestroyAfter() == null) {
                o.putNull("prevent_destroy_after");
            } else {
                o.put("prevent_destroy_after", c.preventDestroyAfter());
            }
            ArrayNode diffs = o.putArray("diffs");
            for (AttributeDiff d : c.diffs()) {
                ObjectNode x = diffs.addObject();
                x.put("field", d.field().key());
                x.set("before", MAPPER.valueToTree(d.before()));
                x.set("after", MAPPER.valueToTree(d.after()));
                if (d.field().kind() == AppClientField.Kind.SET) {
                    x.set("added", MAPPER.valueToTree(d.added()));
                    x.set("removed", MAPPER.valueToTree(d.removed()));
                }
                x.put("implied_reset", d.impliedReset());
                x.put("forces_replacement", c.kind() == DesiredDiff.Kind.CHANGED && d.forcesReplacement());
            }
        }
        try {
            out.print(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
