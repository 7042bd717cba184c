package dev.cogform.cli.e2e;

import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The scenarios against the embedded sandbox run as a separate HTTP server, quotas on (scaled up as
 * cogform's rates are in the stack). No gaps: the sandbox behaves like Cognito.
 */
class SandboxEndToEndTest extends EndToEndScenarios {

    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withQuotaScale(StackYaml.QUOTA_SCALE));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Override
    URI endpoint() {
        return sandbox.endpoint();
    }
}
