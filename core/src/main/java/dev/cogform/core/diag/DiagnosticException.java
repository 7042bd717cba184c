package dev.cogform.core.diag;

import java.util.List;

/** Thrown where a step cannot go on; carries the diagnostics that say why. */
public class DiagnosticException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public DiagnosticException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "failed" : diagnostics.get(0).format());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public DiagnosticException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
