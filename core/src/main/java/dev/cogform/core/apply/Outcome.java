package dev.cogform.core.apply;

import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.plan.Action;
import java.util.List;

/**
 * What became of one planned change. {@code clientId} is the client the address stands for afterwards
 * (the new one after a create or replace); {@code message} says what failed, with Cognito's message;
 * {@code warnings} report responses that differ from what was sent.
 */
public record Outcome(ClientAddress address, Action action, Status status, String clientId, String message,
                      List<Diagnostic> warnings) {

    public Outcome {
        warnings = List.copyOf(warnings);
    }

    /** How far a change got. */
    public enum Status {
        /** Done and recorded in the state. */
        DONE,
        /** Cognito or the state store refused; the message says which and why. */
        FAILED,
        /** Not started because an earlier change failed. */
        NOT_ATTEMPTED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
