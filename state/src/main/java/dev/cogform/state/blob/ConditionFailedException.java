package dev.cogform.state.blob;

import dev.cogform.core.state.StateException;

/** A conditional write or delete found the object not as expected (HTTP 412); nothing was changed. */
public class ConditionFailedException extends StateException {

    public ConditionFailedException(String message) {
        super(message);
    }
}
