package dev.cogform.state.format;

import dev.cogform.core.state.StateException;

/** A state document that cannot be read: not JSON, truncated, wrong checksum, or missing fields. */
public class CorruptStateException extends StateException {

    public CorruptStateException(String message) {
        super(message);
    }

    public CorruptStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
