package dev.cogform.core.drift;

/** A finding compared with the previous report given by {@code --baseline}. */
public enum BaselineState {
    /** Not in the baseline. */
    NEW,
    /** In the baseline with another value. */
    CHANGED,
    /** In the baseline as it is now: reported, but neither notified nor failing the run. */
    UNCHANGED,
    /** In the baseline, gone now. */
    RESOLVED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the finding is news: new, changed or resolved. */
    public boolean news() {
        return this != UNCHANGED;
    }
}
