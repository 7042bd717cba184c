package dev.cogform.core.testing.peers;

/**
 * A peer the test needs could not be found or started. An {@link AssertionError}, so the test fails
 * (it never skips); the message says what to install or where the peer's log is.
 */
public final class PeerUnavailable extends AssertionError {

    private static final long serialVersionUID = 1L;

    public PeerUnavailable(String message) {
        super(message);
    }

    public PeerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
