package dev.cogform.core.state;

/** A state that cannot be read, written or locked; the message says which file or object and what to do. */
public class StateException extends RuntimeException {

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
