package dev.cogform.core.desired;

import dev.cogform.core.diag.Diagnostic;
import java.util.List;

/**
 * What loading a stack produced: the desired state (null when there are errors) and every
 * diagnostic found, sorted by position.
 */
public record LoadResult(DesiredState state, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return state != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
