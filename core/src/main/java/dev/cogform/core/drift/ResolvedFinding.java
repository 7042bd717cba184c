package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
/**
 * A finding of the baseline that is gone now: its id, the client it was about, what it said and how
 * serious it was, as the baseline recorded them.
 */
public record ResolvedFinding(String id, String address, String summary, DriftSeverity severity) {
}
