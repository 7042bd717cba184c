package dev.cogform.core.desired;

import dev.cogform.core.model.AppClientField;
import java.util.Set;

/**
 * {@code prevent_destroy} refuses any plan that deletes or replaces the client;
 * {@code ignore_changes} fields keep their live values in updates.
 */
public record Lifecycle(boolean preventDestroy, Set<AppClientField> ignoreChanges) {

    public static final Lifecycle DEFAULT = new Lifecycle(false, Set.of());

    public Lifecycle {
        ignoreChanges = Set.copyOf(ignoreChanges);
    }
}
