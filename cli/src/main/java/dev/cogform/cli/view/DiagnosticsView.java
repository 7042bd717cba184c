package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/**
 * Renders diagnostics, for {@code validate} and for any command that loads a stack: one
 * {@code file:line:column: severity[rule]: message (hint: …)} line each, or a JSON array of objects
 * with severity, rule, path, message, hint, file, line and column (null where unknown).
 */
public final class DiagnosticsView {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter err;
    private final Colors colors;

    /** A view that prints to {@code err}, errors in red and warnings in yellow where colour is on. */
    public DiagnosticsView(PrintWriter err, Colors colors) {
        this.err = err;
        this.colors = colors;
    }

    /** Prints each diagnostic on its own line, coloured by severity. */
    public void render(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(d.isError() ? colors.red(d.format()) : colors.yellow(d.format()));
        }
        err.flush();
    }

    /** Prints each diagnostic on its own line, in the given order. */
    public static void printHuman(PrintWriter out, List<Diagnostic> diagnostics) {
        diagnostics.forEach(d -> out.println(d.format()));
        out.flush();
    }

    /** Prints the diagnostics as one JSON array (an empty array when there are none). */
    public static void printJson(PrintWriter out, List<Diagnostic> diagnostics) {
        try {
            out.println(JSON.writeValueAsString(toJson(diagnostics)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** The JSON array form, for commands that embed diagnostics in a larger JSON document. */
    public static ArrayNode toJson(List<Diagnostic> diagnostics) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode o = array.addObject();
            o.put("severity", d.severity().word());
            o.put("rule", d.rule());
            o.put("path", d.path());
            o.put("message", d.message());
            o.put("hint", d.hint());
            if (d.at() != null) {
                o.put("file", d.at().file());
                o.put("line", d.at().line());
                o.put("column", d.at().column());
            } else {
                o.putNull("file");
                o.putNull("line");
                o.putNull("column");
            }
        }
        return array;
    }

    /** {@code 2 errors, 1 warning}; {@code no problems} when empty. */
    public static String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        if (errors == 0 && warnings == 0) {
            return "no problems";
        }
        StringBuilder s = new StringBuilder();
        if (errors > 0) {
            s.append(errors).append(errors == 1 ? " error" : " errors");
        }
        if (warnings > 0) {
            s.append(errors > 0 ? ", " : "").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return s.toString();
    }
}
