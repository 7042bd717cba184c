package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/** Lifting the quotas lets everything through without drawing the buckets; restoring brings them back. */
class SandboxQuotaLiftTest {

    @Test
    void liftedQuotas_passEverything_andRestoredOnesStartFromAFullBucket() {
        // Scale 0.01: 0.05 describes a second per pool, one token in the bucket.
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withQuotaScale(0.01));
             CognitoIdentityProviderClient cognito = SandboxClients.noRetries(sandbox)) {
            String pool = sandbox.ensurePool("lifted");
            sandbox.liftQuotas(true);
            String client = SandboxClients.create(cognito, pool, "c").clientId();
            for (int i = 0; i < 10; i++) {
                cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(client));
            }
            sandbox.liftQuotas(false);
            int ok = 0;
            int throttled = 0;
            for (int i = 0; i < 3; i++) {
                try {
                    cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(client));
                    ok++;
                } catch (TooManyRequestsException e) {
                    throttled++;
                }
            }

            assertThat(ok).as("the untouched bucket's one token").isEqualTo(1);
            assertThat(throttled).isEqualTo(2);
        }
    }
}
