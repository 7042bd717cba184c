package dev.cogform.core.plan;

import java.util.Locale;

/** Why a change was planned. For display only; the applier does not branch on this. */
public enum ActionReason {
    /** The desired client and the live one agree. */
    IN_SYNC,
    /** The client is in cogform.yaml but not in the state: it is new. */
    CREATE_BECAUSE_NOT_IN_STATE,
    /** The client is in the state but was deleted outside cogform; it is created again with a new id. */
    CREATE_BECAUSE_DELETED_OUTSIDE,
    /** Some updatable fields differ from cogform.yaml. */
    UPDATE_BECAUSE_SETTINGS_DIFFER,
    /** A create-only field such as generate_secret differs; consumers must switch to the new client id. */
    REPLACE_BECAUSE_CREATE_ONLY_FIELD,
    /** The client's pool changed; consumers must switch to the new pool and client id. */
    REPLACE_BECAUSE_POOL_CHANGED,
    /** The client is in the state but no longer in cogform.yaml. */
    DELETE_BECAUSE_REMOVED_FROM_DESIRED,
    /**
     * An interrupted replacement created the new client (now adopted under the address) but did not
     * delete the old one; deleting it finishes the replacement.
     */
    DELETE_BECAUSE_REPLACED;

    /** The action this reason explains; each reason belongs to exactly one. */
    public Action action() {
        return switch (this) {
            case IN_SYNC -> Action.NO_OP;
            case CREATE_BECAUSE_NOT_IN_STATE, CREATE_BECAUSE_DELETED_OUTSIDE -> Action.CREATE;
            case UPDATE_BECAUSE_SETTINGS_DIFFER -> Action.UPDATE;
            case REPLACE_BECAUSE_CREATE_ONLY_FIELD, REPLACE_BECAUSE_POOL_CHANGED -> Action.REPLACE;
            case DELETE_BECAUSE_REMOVED_FROM_DESIRED, DELETE_BECAUSE_REPLACED -> Action.DELETE;
        };
    }

    /** The snake_case code used in JSON, such as {@code replace_because_create_only_field}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
