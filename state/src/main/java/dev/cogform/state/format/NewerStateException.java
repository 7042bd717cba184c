package dev.cogform.state.format;

import dev.cogform.core.state.StateException;

/** A state document written in a format version newer than this cogform reads. */
public class NewerStateException extends StateException {

    public NewerStateException(String message) {
        super(message);
    }
}
