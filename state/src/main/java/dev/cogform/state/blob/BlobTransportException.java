package dev.cogform.state.blob;

import dev.cogform.core.state.StateException;

/**
 * A request whose outcome is unknown: the connection failed or the response was lost, so the write may
 * have happened. Callers that care read the object back.
 */
public class BlobTransportException extends StateException {

    public BlobTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
