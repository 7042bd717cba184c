package dev.cogform.core.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics so that all of them are reported together, sorted by position. */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostics add(Diagnostic d) {
        items.add(d);
        return this;
    }

    public Diagnostics addAll(Iterable<Diagnostic> ds) {
        ds.forEach(items::add);
        return this;
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /** A sorted, immutable copy. */
    public List<Diagnostic> sorted() {
        return items.stream().sorted(Diagnostic.ORDER).toList();
    }
}
