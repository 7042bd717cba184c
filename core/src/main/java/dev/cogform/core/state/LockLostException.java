package dev.cogform.core.state;

/** The state lock this run held is no longer surely held; the run must stop writing. */
public class LockLostException extends StateException {

    public LockLostException(String message) {
        super(message);
    }
}
