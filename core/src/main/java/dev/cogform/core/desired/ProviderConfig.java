package dev.cogform.core.desired;

/**
 * Where and how to reach Cognito. Null members mean "not set" (the AWS defaults chain decides).
 * {@code endpoint} may be the word {@value #SANDBOX}: the embedded sandbox, run in-process.
 * {@code quotas} may be null: Cognito's default rates.
 */
public record ProviderConfig(String region, String profile, String assumeRoleArn, String endpoint,
                             QuotaConfig quotas) {

    public static final String SANDBOX = "sandbox";

    public boolean sandbox() {
        return SANDBOX.equals(endpoint);
    }
}
