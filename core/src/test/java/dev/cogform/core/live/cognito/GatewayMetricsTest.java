package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.desired.QuotaConfig;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.sandbox.FaultPlan;
import dev.cogform.sandbox.Sandbox;
import dev.cogform.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

/** The gateway counts what it sends, the throttled answers it retries, and calls that fail for good. */
class GatewayMetricsTest {

    private static final QuotaConfig FAST = new QuotaConfig(1000, 1000, 1000);

    @Test
    void requestsThrottlesAndFailures_areCountedPerOperationAndPool() {
        FaultPlan faults = FaultPlan.none();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withQuotas(false).withFaults(faults));
             SdkCognitoGateway gateway = SdkCognitoGateway.forLocalEndpoint(sandbox.endpoint(), FAST)) {
            String pool = sandbox.ensurePool("metrics");
            String client = gateway.create(pool, AppClientSettings.defaults("c")).clientId();
            faults.add("DescribeUserPoolClient:throttle:next=2");

            assertThat(gateway.describe(pool, client)).isPresent();
            assertThat(gateway.describe(pool, "nosuchclient0000000000000")).isEmpty();
            faults.add("ListUserPoolClients:error");
            assertThatThrownBy(() -> gateway.listClients(pool)).isInstanceOf(GatewayException.class);

            GatewayMetrics m = gateway.metrics();
            assertThat(m.requests()).contains(
                    new GatewayMetrics.Requests("CreateUserPoolClient", "USER_POOL_CLIENT_UPDATE", pool, 1, 0),
                    // two throttled attempts, then the answer; then one "not found", which is an answer too
                    new GatewayMetrics.Requests("DescribeUserPoolClient", "USER_POOL_CLIENT_READ", pool, 4, 2),
                    new GatewayMetrics.Requests("ListUserPoolClients", "USER_POOL_CLIENT_READ", pool, 1, 0));
            assertThat(m.throttled()).isEqualTo(2);
            assertThat(m.failedCalls()).as("only the listing failed for good").isEqualTo(1);
            assertThat(m.sentByOperation()).containsEntry("DescribeUserPoolClient", 4L);
        }
    }
}
