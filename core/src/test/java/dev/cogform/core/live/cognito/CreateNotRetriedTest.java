package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create whose answer is lost may have created the client: sending it again would make a second
 * client with the same name. So a create is never re-sent after it may have reached Cognito; the
 * applier's pending intent resolves the outcome on the next plan instead. Reads are still retried.
 */
class CreateNotRetriedTest {

    private Sandbox sandbox;
    private SdkCognitoGateway gateway;
    private String pool;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withQuotas(false));
        gateway = SdkCognitoGateway.forLocalEndpoint(sandbox.endpoint(), new QuotaConfig(1_000, 1_000, 1_000));
        pool = sandbox.ensurePool("retries");
    }

    @AfterEach
    void stop() {
        gateway.close();
        sandbox.close();
    }

    @Test
    void create_whoseAnswerIsLost_failsOnce_andLeavesExactlyOneClient() {
        sandbox.faults().add("CreateUserPoolClient:drop-after:next=1");

        assertThatThrownBy(() -> gateway.create(pool, AppClientSettings.defaults("web")))
                .isInstanceOf(GatewayException.class);

        assertThat(gateway.listClients(pool)).extracting(c -> c.clientName()).containsExactly("web");
    }

    @Test
    void describe_whoseAnswerIsLost_isRetried() {
        String id = gateway.create(pool, AppClientSettings.defaults("web")).clientId();
        sandbox.faults().add("DescribeUserPoolClient:drop:next=1");

        assertThat(gateway.describe(pool, id)).isPresent();
        assertThat(sandbox.faults().rules()).as("the dropped attempt was used").isEmpty();
    }
}
