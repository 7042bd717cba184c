package dev.cogform.core.plan;

import dev.cogform.core.model.ClientAddress;
import java.util.List;

/**
 * A managed client that changed outside cogform: {@code diffs} go from what the state says was
 * applied (before) to what is live now (after); {@code ignore_changes} fields are left out.
 */
public record Drift(ClientAddress address, String poolId, String clientId, Kind kind, List<AttributeDiff> diffs) {

    public Drift {
        diffs = List.copyOf(diffs);
    }

    /** How the client changed. */
    public enum Kind {
        /** Some fields were changed; the plan below says whether they are reverted. */
        MODIFIED,
        /** The client was deleted; the plan re-creates it if cogform.yaml still has it. */
        DELETED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
