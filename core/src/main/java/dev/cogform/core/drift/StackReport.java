package dev.cogform.core.drift;

import dev.cogform.core.diag.Diagnostic;
import java.util.List;

/**
 * The drift of one stack: {@code stack} is its directory as given; {@code budget} the account-region
 * (and endpoint) whose rate budget it shared. Clients are in address order; diagnostics are those of
 * loading, refreshing and ignore rules that concern this stack.
 */
public record StackReport(String stack, String budget, List<ClientFinding> clients, List<UnmanagedFinding> unmanaged,
                          List<PoolCoverage> pools, List<ResolvedFinding> resolved, List<Diagnostic> diagnostics) {

    public StackReport {
        clients = List.copyOf(clients);
        unmanaged = List.copyOf(unmanaged);
        pools = List.copyOf(pools);
        resolved = List.copyOf(resolved);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A stack that could not be checked at all (it did not load, or its state could not be read). */
    public static StackReport failed(String stack, String budget, List<Diagnostic> diagnostics) {
        return new StackReport(stack, budget, List.of(), List.of(), List.of(), List.of(), diagnostics);
    }

    public long count(Status status) {
        return clients.stream().filter(c -> c.status() == status).count();
    }

    public boolean errored() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    StackReport with(List<ClientFinding> c, List<UnmanagedFinding> u, List<ResolvedFinding> r) {
        return new StackReport(stack, budget, c, u, pools, r, diagnostics);
    }
}
