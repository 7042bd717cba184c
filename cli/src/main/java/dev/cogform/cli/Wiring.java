package dev.cogform.cli;

import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.desired.ProviderConfig;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.cognito.GatewayConfig;
import dev.cogform.core.live.cognito.SdkCognitoGateway;
import dev.cogform.core.state.StateStore;

/**
 * Builds the engine's collaborators from a loaded stack: the Cognito gateway (AWS, a custom
 * endpoint, or the embedded sandbox) and the state store (local file or S3). Commands get their
 * collaborators here and nowhere else.
 */
public final class Wiring {

    private Wiring() {
    }

    /**
     * The gateway for the stack's {@code provider:}; for {@code endpoint: sandbox}, an in-process
     * sandbox. The gateway holds HTTP connections: close it ({@link AutoCloseable}) when done.
     */
    public static CognitoGateway gateway(DesiredState stack) {
        ProviderConfig provider = stack.provider();
        if (provider != null && provider.sandbox()) {
            return SandboxGateway.start(stack);
        }
        return SdkCognitoGateway.create(GatewayConfig.from(provider));
    }

    /** The store for the stack's {@code state:} (default: the local file .cogform/state.json in the stack). */
    public static StateStore stateStore(DesiredState stack) {
        throw new UnsupportedOperationException("Wiring.stateStore is not implemented yet");
    }
}
