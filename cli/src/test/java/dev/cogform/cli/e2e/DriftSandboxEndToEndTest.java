package dev.cogform.cli.e2e;

import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The drift scenarios against the sandbox as a separate server, quotas on. */
class DriftSandboxEndToEndTest extends DriftScenarios {

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
