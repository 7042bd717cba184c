package dev.cogform.core.live.cognito;

import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The gateway contract against the embedded sandbox, which declares no gaps: it behaves like Cognito
 * (replace-on-update, validation, pagination, dates, identity providers and resource servers).
 * Quotas are off here because the contract runs unthrottled; the sandbox's quotas have their own tests.
 */
class SandboxCognitoGatewayTest implements CognitoGatewayContract {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withQuotas(false));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Override
    public URI endpoint() {
        return sandbox.endpoint();
    }
}
