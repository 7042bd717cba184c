package dev.cogform.core.desired;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Location;
import dev.cogform.core.spec.LoadRules;
import java.util.function.Supplier;

/**
 * The characters one load may read out of the YAML, counting a scalar again every time an alias repeats
 * it and every {@code ${var}} expansion: a file within its size limit can still expand without bound
 * (a 1 MB string aliased 100,000 times), so the loader stops at the first value over the budget with a
 * {@code yaml.limits} error at its position instead of running out of memory.
 */
final class ExpansionBudget {

    /** Far above any real stack (10,000 clients read with their pool defaults take a few million). */
    static final long MAX_CHARS = 32L * 1024 * 1024;

    /** Thrown to abandon the load; carries the one diagnostic to report. */
    static final class Exhausted extends RuntimeException {
        private final transient Diagnostic diagnostic;

        Exhausted(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    private final long max;
    private long spent;

    ExpansionBudget(long max) {
        this.max = max;
    }

    static ExpansionBudget standard() {
        return new ExpansionBudget(MAX_CHARS);
    }

    /** Counts {@code chars} more; past the budget, throws {@link Exhausted} located at {@code at}. */
    void spend(long chars, Supplier<Location> at) {
        spent += chars;
        if (spent > max) {
            throw new Exhausted(LoadRules.YAML_LIMITS.at(at.get(),
                    "the values read so far expand to more than " + max + " characters (aliases and ${var}"
                            + " references count each time they are used); cogform stopped reading here",
                    "repeat long values less: a real stack needs far fewer characters; use pool defaults"
                            + " for what clients share"));
        }
    }
}
