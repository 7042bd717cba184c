package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/** Quotas over HTTP: throttled calls are TooManyRequestsException, counted, not timed. */
class SandboxQuotaTest {

    @Test
    void aBurstAgainstATightQuota_isThrottled() {
        // Scale 0.01: 0.05 describes a second per pool, one token in the bucket; a burst of 10 takes far less than 20 s.
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withQuotaScale(0.01));
             CognitoIdentityProviderClient cognito = SandboxClients.noRetries(sandbox)) {
            String pool = sandbox.ensurePool("tight");
            String client = SandboxClients.create(cognito, pool, "c").clientId();
            int ok = 0;
            int throttled = 0;
            for (int i = 0; i < 10; i++) {
                try {
                    cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(client));
                    ok++;
                } catch (TooManyRequestsException e) {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
                    assertThat(e.isThrottlingException()).as("the SDK sees a throttle").isTrue();
                    throttled++;
                }
            }

            assertThat(ok).isEqualTo(1);
            assertThat(throttled).isEqualTo(9);
        }
    }

    @Test
    void quotasAreOnByDefault_andCanBeTurnedOff() {
        assertThat(SandboxOptions.defaults().quotas()).isTrue();
        assertThat(SandboxOptions.defaults().quotaScale()).isEqualTo(1.0);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withQuotaScale(0.01).withQuotas(false));
             CognitoIdentityProviderClient cognito = SandboxClients.noRetries(sandbox)) {
            String pool = sandbox.ensurePool("free");
            String client = SandboxClients.create(cognito, pool, "c").clientId();

            for (int i = 0; i < 50; i++) {
                assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(client)).userPoolClient())
                        .isNotNull();
            }
        }
    }

    @Test
    void invalidScale_isRefusedWithAHint() {
        assertThatThrownBy(() -> SandboxOptions.defaults().withQuotaScale(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a number above 0");
    }
}
