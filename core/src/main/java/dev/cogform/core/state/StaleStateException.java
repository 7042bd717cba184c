package dev.cogform.core.state;

/** A save lost a compare-and-set: the stored state changed since it was read. Nothing was written. */
public class StaleStateException extends StateException {

    public StaleStateException(String message) {
        super(message);
    }
}
