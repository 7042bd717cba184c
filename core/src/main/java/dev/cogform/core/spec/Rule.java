package dev.cogform.core.spec;

import dev.cogform.core.diag.Location;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.diag.Severity;
import dev.cogform.core.diag.SourcePosition;

/**
 * One named rule: a stable {@code id} users can search for, how bad a finding is, when it is checked
 * and a one-line summary for the docs. {@code source} is the reference that motivates it.
 */
public record Rule(String id, Severity severity, Stage stage, String summary) {

    /** When a rule is checked. */
    public enum Stage {
        /** While reading the YAML: syntax, keys, types, variables, the stack's own blocks. */
        LOAD,
        /** On each loaded client, offline. */
        CLIENT,
        /** On each loaded pool, offline (rules across its clients). */
        POOL,
        /** At plan time, against the live pool ({@code rule.LiveChecks}). */
        LIVE,
        /** Not a diagnostic: the planner acts on it (for example, a replacement). */
        PLANNER,
        /** While reading the live pools ({@link RunRules}). */
        REFRESH,
        /** While planning: targets, interrupted creates, lifecycle ({@link RunRules}). */
        PLAN,
        /** While applying, or checking that a saved plan still holds ({@link RunRules}). */
        APPLY,
        /** While checking for drift: the ignore file, the stacks checked ({@link DriftRules}). */
        DRIFT
    }

    /** An error-level rule; ids are stable once published. */
    public static Rule error(String id, Stage stage, String summary) {
        return new Rule(id, Severity.ERROR, stage, summary);
    }

    /** A warning-level rule. */
    public static Rule warning(String id, Stage stage, String summary) {
        return new Rule(id, Severity.WARNING, stage, summary);
    }

    /**
     * A finding of this rule about {@code path} (a field path, an address, or null), at a position in the YAML
     * when there is one: for findings about the live pools, the state or a saved plan.
     */
    public Diagnostic diagnostic(String path, String message, String hint, SourcePosition at) {
        return new Diagnostic(severity, id, path, message, hint, at);
    }

    /** A finding of this rule at {@code where}. */
    public Diagnostic at(Location where, String message, String hint) {
        return new Diagnostic(severity, id, where.path(), message, hint, where.at());
    }
}
