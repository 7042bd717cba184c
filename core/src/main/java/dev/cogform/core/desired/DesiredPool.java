package dev.cogform.core.desired;

import dev.cogform.core.diag.SourcePosition;
import java.util.List;

/**
 * A user pool as the YAML names it: by {@code id}, or by {@code name} resolved at plan time (exactly
 * one of the two is non-null), with its clients in file order. {@code at} is where that id or name is
 * written, where diagnostics about the pool itself point.
 */
public record DesiredPool(String key, String id, String name, List<DesiredClient> clients, SourcePosition at) {

    public DesiredPool {
        clients = List.copyOf(clients);
    }

    /** How to refer to the pool in messages: its id, or {@code name "prod-users"}. */
    public String reference() {
        return id != null ? id : "name \"" + name + "\"";
    }
}
