package dev.cogform.core.plan;

import java.util.List;

/** What happens to one client. The applier branches on this; the symbol is Terraform's. */
public enum Action {
    /** Nothing to send to Cognito. */
    NO_OP(" ", List.of("no-op")),
    /** A new client is created. */
    CREATE("+", List.of("create")),
    /** The client is updated in place; its id stays. */
    UPDATE("~", List.of("update")),
    /** A new client is created, recorded, and then the old one is deleted: the client id changes. */
    REPLACE("+/-", List.of("create", "delete")),
    /** The client is deleted. */
    DELETE("-", List.of("delete"));

    private final String symbol;
    private final List<String> steps;

    Action(String symbol, List<String> steps) {
        this.symbol = symbol;
        this.steps = steps;
    }

    public String symbol() {
        return symbol;
    }

    /** Terraform's {@code change.actions} encoding: a replacement is {@code ["create","delete"]}. */
    public List<String> steps() {
        return steps;
    }

    /** The lower-case word used in JSON. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
