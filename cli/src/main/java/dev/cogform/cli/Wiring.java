package dev.cogform.cli;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.state.StateStore;

/**
 * Builds the engine's collaborators from a loaded stack: the Cognito gateway (AWS, a custom
 * endpoint, or the embedded sandbox) and the state store (local file or S3). Commands get their
 * collaborators here and nowhere else.
 */
public final class Wiring {

    private Wiring() {
    }

    /** The gateway for the stack's {@code provider:}; for {@code endpoint: sandbox}, an in-process sandbox. */
    public static CognitoGateway gateway(DesiredState stack) {
        throw new UnsupportedOperationException("Wiring.gateway is not implemented yet");
    }

    /** The store for the stack's {@code state:} (default: the local file .cogform/state.json in the stack). */
    public static StateStore stateStore(DesiredState stack) {
        throw new UnsupportedOperationException("Wiring.stateStore is not implemented yet");
    }
}
