package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.cli.git.ChangedStacks;
import dev.cogform.core.model.SettingsJson;
import java.io.PrintWriter;

/**
 * {@code cogform changed}: as text, one stack path per line on stdout (the stacks to plan; a shell loop
 * reads them) and removed stacks as warnings on stderr; as JSON, every stack with its status and files,
 * plus {@code paths}, the plannable ones, ready for a CI matrix.
 */
public final class ChangedView {

    static final String FORMAT_VERSION = "1.0";

    private final PrintWriter out;
    private final PrintWriter err;

    public ChangedView(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public void text(ChangedStacks.Result result) {
        for (ChangedStacks.Stack s : result.stacks()) {
            if (s.status() == ChangedStacks.Status.REMOVED) {
                err.println("cogform: warning: stack " + s.path() + " has no cogform.yaml any more (deleted or renamed"
                        + " since the merge base " + result.mergeBase().substring(0, 12) + "); its clients stay in Cognito"
                        + " until a plan of its state removes them");
            } else {
                out.println(s.path());
            }
        }
        out.flush();
        err.flush();
    }

    public void json(ChangedStacks.Result result) {
        ObjectNode root = SettingsJson.mapper().createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        ObjectNode base = root.putObject("base");
        base.put("ref", result.baseRef());
        base.put("commit", result.base());
        root.put("merge_base", result.mergeBase());
        root.put("head", result.head());
        ArrayNode paths = root.putArray("paths");
        ArrayNode stacks = root.putArray("stacks");
        for (ChangedStacks.Stack s : result.stacks()) {
            if (s.status() != ChangedStacks.Status.REMOVED) {
                paths.add(s.path());
            }
            ObjectNode o = stacks.addObject();
            o.put("path", s.path());
            o.put("status", s.status().word());
            ArrayNode files = o.putArray("files");
            s.files().forEach(files::add);
        }
        try {
            out.print(SettingsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
