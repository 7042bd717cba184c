package dev.cogform.core.model;

/**
 * How much a field's drift matters: what a change made outside cogform can do to the users of a
 * client: the default severity of the field's drift findings, which {@code drift --fail-on} compares
 * (ordered LOW < MEDIUM < HIGH). The planner and the applier never branch on it.
 */
public enum DriftSeverity {
    /** Cosmetic or operational: the client name, analytics, the auth-session window. */
    LOW,
    /**
     * Changes what a signed-in session can do or how long it lasts: token validities, refresh-token
     * rotation, attribute permissions, identity providers, context-data propagation.
     */
    MEDIUM,
    /**
     * Security-relevant: where codes and tokens are sent (callback, logout, default redirect URLs),
     * which flows and scopes a client may use, password-based auth flows, token revocation, user
     * existence errors, whether the client is confidential. Someone can sign in differently or
     * leak tokens; investigate before re-applying.
     */
    HIGH;

    /** The lowercase word used in docs and JSON output. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean atLeast(DriftSeverity other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code low|medium|high} (any case). */
    public static DriftSeverity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("severity '" + text + "' is not one of low, medium, high");
        }
    }
}
