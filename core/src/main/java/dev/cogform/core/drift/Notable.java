package dev.cogform.core.drift;

import dev.cogform.core.model.DriftSeverity;
/**
 * A finding that counts towards the exit code and notifications, flattened for both: the stack, a
 * stable {@code id}, the client address (or pool for unmanaged clients), a one-line summary, the
 * severity and the baseline state (null without a baseline).
 */
public record Notable(String stack, String id, String address, String summary, DriftSeverity severity,
                      BaselineState baseline) {
}
