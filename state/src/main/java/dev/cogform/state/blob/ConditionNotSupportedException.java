package dev.cogform.state.blob;

import dev.cogform.core.state.StateException;

/** The store cannot check this condition (HTTP 501, e.g. a conditional DELETE); nothing was changed. */
public class ConditionNotSupportedException extends StateException {

    public ConditionNotSupportedException(String message, Throwable cause) {
        super(message, cause);
    }
}
