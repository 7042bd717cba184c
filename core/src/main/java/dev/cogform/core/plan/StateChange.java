package dev.cogform.core.plan;

import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.state.ClientRecord;

/**
 * A change to the recorded state alone, with no Cognito call. {@code record} is the address's record
 * after the change (null for {@link Kind#FORGET_PENDING}).
 */
public record StateChange(Kind kind, ClientAddress address, ClientRecord record) {

    /** What is recorded. */
    public enum Kind {
        /** A client an interrupted apply created is taken into the state, instead of creating another. */
        ADOPT,
        /**
         * An existing client named by {@code import_id} (or {@code cogform import}) is taken into the state
         * with its live settings as applied; the change of the same address then brings it in line.
         */
        IMPORT,
        /** An interrupted create left no client behind; its intent is dropped and the client planned anew. */
        FORGET_PENDING,
        /** Live changes made outside cogform already match cogform.yaml; they are recorded as applied. */
        RECORD_LIVE,
        /** {@code lifecycle.prevent_destroy} changed in cogform.yaml; the state records the new value. */
        RECORD_PREVENT_DESTROY,
        /**
         * The client's secrets in Cognito differ from the ones recorded, as after an apply interrupted
         * between AddUserPoolClientSecret and the state write; only {@code record.secrets()} is taken.
         */
        RECORD_SECRETS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
