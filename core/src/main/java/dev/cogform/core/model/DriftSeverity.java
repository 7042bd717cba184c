package dev.cogform.core.model;

/**
 * How much a field's drift matters: what a change made outside cogform can do to the users of a
 * client. For display and filtering only (the {@code drift} command sorts and colours by it); the
 * planner and the applier never branch on it.
 */
public enum DriftSeverity {
    /**
     * Security-relevant: where codes and tokens are sent (callback, logout, default redirect URLs),
     * which flows and scopes a client may use, password-based auth flows, token revocation, user
     * existence errors, whether the client is confidential. Someone can sign in differently or
     * leak tokens; investigate before re-applying.
     */
    HIGH,
    /**
     * Changes what a signed-in session can do or how long it lasts: token validities, refresh-token
     * rotation, attribute permissions, identity providers, context-data propagation.
     */
    MEDIUM,
    /** Cosmetic or operational: the client name, analytics, the auth-session window. */
    LOW;

    /** The lowercase word used in docs and JSON output. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
