package dev.cogform.core.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Collects diagnostics so that all of them are reported together, sorted by position. A capped
 * collection keeps the first few of each rule and counts the rest, so 100,000 copies of one mistake
 * print a screenful and a count, not megabytes; it also drops exact repeats.
 */
public final class Diagnostics {

    /** Diagnostics kept per rule by {@link #capped()}. */
    public static final int PER_RULE = 20;

    private final Collection<Diagnostic> items;
    private final int perRule;
    private final Map<String, Integer> kept = new LinkedHashMap<>();
    private final Map<String, Overflow> overflow = new LinkedHashMap<>();

    private record Overflow(Severity severity, int count) {
    }

    /** Keeps everything, in the order added. */
    public Diagnostics() {
        this.items = new ArrayList<>();
        this.perRule = Integer.MAX_VALUE;
    }

    private Diagnostics(int perRule) {
        this.items = new LinkedHashSet<>();
        this.perRule = perRule;
    }

    /** Keeps at most {@value #PER_RULE} distinct diagnostics per rule and counts the others. */
    public static Diagnostics capped() {
        return new Diagnostics(PER_RULE);
    }

    public Diagnostics add(Diagnostic d) {
        if (perRule == Integer.MAX_VALUE) {
            items.add(d);
        } else if (kept.getOrDefault(d.rule(), 0) < perRule) {
            if (items.add(d)) {
                kept.merge(d.rule(), 1, Integer::sum);
            }
        } else if (!items.contains(d)) {
            overflow.merge(d.rule(), new Overflow(d.severity(), 1),
                    (a, b) -> new Overflow(a.severity().compareTo(b.severity()) <= 0 ? a.severity() : b.severity(),
                            a.count() + b.count()));
        }
        return this;
    }

    public Diagnostics addAll(Iterable<Diagnostic> ds) {
        ds.forEach(this::add);
        return this;
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError)
                || overflow.values().stream().anyMatch(o -> o.severity() == Severity.ERROR);
    }

    /** A sorted, immutable copy; a capped collection ends with one count per rule it left out. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(items.stream().sorted(Diagnostic.ORDER).toList());
        overflow.forEach((rule, o) -> out.add(new Diagnostic(o.severity(), rule, null,
                o.count() + " more " + rule + " " + (o.count() == 1 ? "finding" : "findings")
                        + " like the " + perRule + " above not shown", "fix those first, then run again", null)));
        return List.copyOf(out);
    }
}
