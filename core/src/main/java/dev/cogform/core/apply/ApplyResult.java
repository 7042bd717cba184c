package dev.cogform.core.apply;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.state.StateVersion;
import java.util.List;

/**
 * What an apply did: one outcome per planned action, in address order; the number of state-only
 * changes recorded; one outcome per secret step ({@code secretOutcomes}); diagnostics (a failure outside any one change, and every warning); and the state
 * version left behind.
 */
public record ApplyResult(List<Outcome> outcomes, int stateChanges, List<Diagnostic> diagnostics,
                          StateVersion state, List<SecretOutcome> secretOutcomes) {

    public ApplyResult {
        outcomes = List.copyOf(outcomes);
        diagnostics = List.copyOf(diagnostics);
        secretOutcomes = List.copyOf(secretOutcomes);
    }

    /** A result with no secret steps. */
    public ApplyResult(List<Outcome> outcomes, int stateChanges, List<Diagnostic> diagnostics, StateVersion state) {
        this(outcomes, stateChanges, diagnostics, state, List.of());
    }

    public boolean failed() {
        return outcomes.stream().anyMatch(o -> o.status() == Outcome.Status.FAILED)
                || secretOutcomes.stream().anyMatch(o -> o.status() == Outcome.Status.FAILED)
                || diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Outcome> with(Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }
}
