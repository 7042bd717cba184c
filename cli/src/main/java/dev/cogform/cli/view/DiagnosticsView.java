package dev.cogform.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.desired.StackFile;
import dev.cogform.core.diag.SourcePosition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics, for {@code validate} and for any command that loads a stack. Human form, as
 * compilers print them: the line {@code file:line:column: severity[rule]: message (hint: …)}, then the
 * field path and, where the source line can be read, an excerpt with a caret under the column (as
 * rustc and Terraform do). JSON form: an array of objects with severity, rule, path, message, hint,
 * file, line and column (null where unknown).
 */
public final class DiagnosticsView {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter err;
    private final Colors colors;
    private final SourceLines sources;

    /**
     * A view that prints to {@code err}, errors in red and warnings in yellow where colour is on, with
     * excerpts read from {@code sources}.
     */
    public DiagnosticsView(PrintWriter err, Colors colors, SourceLines sources) {
        this.err = err;
        this.colors = colors;
        this.sources = sources;
    }

    /** A view whose excerpts come from files named relative to the working directory. */
    public DiagnosticsView(PrintWriter err, Colors colors) {
        this(err, colors, SourceLines.files(Path.of("")));
    }

    /** Prints each diagnostic with its field path and excerpt, coloured by severity. */
    public void render(List<Diagnostic> diagnostics) {
        boolean separate = false;
        for (Diagnostic d : diagnostics) {
            if (separate) {
                err.println(); // a blank line after an excerpt, as rustc does, so each finding reads apart
            }
            String head = d.format();
            err.println(d.isError() ? colors.red(head) : colors.yellow(head));
            List<String> context = context(d);
            context.forEach(err::println);
            separate = context.size() > 1;
        }
        err.flush();
    }

    /** The most characters of a source line an excerpt shows. */
    static final int EXCERPT_WIDTH = 160;

    /** The lines under the first: {@code   at PATH}, then the source line and a caret under the column. */
    private List<String> context(Diagnostic d) {
        List<String> out = new ArrayList<>();
        if (d.path() != null && !d.path().isBlank()) {
            out.add("  at " + d.path());
        }
        SourcePosition at = d.at();
        String line = at == null ? null : sources.line(at.file(), at.line());
        if (line != null && at.column() >= 1 && at.column() <= line.length() + 1) {
            String number = String.valueOf(at.line());
            String gutter = " ".repeat(number.length());
            // A long line (a megabyte value on one line) is shown as a window around the column.
            int column = at.column();
            if (line.length() > EXCERPT_WIDTH) {
                int from = Math.max(0, Math.min(column - 1 - EXCERPT_WIDTH / 4, line.length() - EXCERPT_WIDTH));
                int to = Math.min(line.length(), from + EXCERPT_WIDTH);
                String head = from > 0 ? "\u2026" : "";
                line = head + line.substring(from, to) + (to < line.length() ? "\u2026" : "");
                column = column - from + head.length();
            }
            // Keep the tabs of the line in the caret's indent, so that it lines up whatever the tab width.
            String indent = line.substring(0, column - 1).replaceAll("[^\t]", " ");
            String caret = d.isError() ? colors.red("^") : colors.yellow("^");
            out.add(" " + gutter + " |");
            out.add(" " + number + " | " + line);
            out.add(" " + gutter + " | " + indent + caret);
        }
        return out;
    }

    /** Prints the diagnostics in human form, without colour, in the given order. */
    public static void printHuman(PrintWriter out, List<Diagnostic> diagnostics, SourceLines sources) {
        new DiagnosticsView(out, Colors.OFF, sources).render(diagnostics);
    }

    /** The text of source files by line, for excerpts; null where a file or line cannot be read. */
    @FunctionalInterface
    public interface SourceLines {

        SourceLines NONE = (file, line) -> null;

        /** Line {@code line} (1-based) of {@code file} as a diagnostic names it, or null. */
        String line(String file, int line);

        /**
         * Files named as diagnostics name them: the stack file as the user typed its directory
         * (relative to the working directory), and {@code --var-file}s relative to {@code stackDir}
         * when they lie inside it. Each file is read once, and only when it is small.
         */
        static SourceLines files(Path stackDir) {
            Map<String, List<String>> read = new HashMap<>();
            return (file, line) -> {
                List<String> lines = read.computeIfAbsent(file, f -> readLines(resolve(stackDir, f)));
                return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
            };
        }

        private static Path resolve(Path stackDir, String file) {
            Path typed = Path.of(file);
            if (typed.isAbsolute() || file.equals(StackFile.displayName(stackDir))) {
                return typed;
            }
            Path inStack = stackDir.resolve(typed); // a --var-file, named relative to the stack directory
            return Files.isRegularFile(inStack) ? inStack : typed;
        }

        private static List<String> readLines(Path file) {
            try {
                // Larger files are refused by the reader before any position exists in them.
                return Files.isRegularFile(file) && Files.size(file) <= 4L * 1024 * 1024
                        ? Files.readAllLines(file) : List.of();
            } catch (IOException | RuntimeException e) {
                return List.of(); // no excerpt; the first line still says where
            }
        }
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
