package dev.cogform.cli.view;

import dev.cogform.core.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** Diagnostics as one {@code file:line:col: error[rule]: message (hint: …)} line each, errors in red. */
public final class DiagnosticsView {

    private final PrintWriter err;
    private final Colors colors;

    public DiagnosticsView(PrintWriter err, Colors colors) {
        this.err = err;
        this.colors = colors;
    }

    public void render(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(d.isError() ? colors.red(d.format()) : colors.yellow(d.format()));
        }
        err.flush();
    }
}
