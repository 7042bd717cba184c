package dev.cogform.core.desired;

/**
 * Request rates cogform keeps to, for accounts whose Cognito quotas were raised. Rates are requests
 * per second: per quota category (UserPoolClientRead, UserPoolClientUpdate) and per operation and pool.
 */
public record QuotaConfig(double clientReadPerSecond, double clientUpdatePerSecond,
                          double perOperationAndPoolPerSecond) {

    public static final QuotaConfig COGNITO_DEFAULT = new QuotaConfig(15, 15, 5);
    /** The slowest rate accepted: one request every 10 seconds. */
    public static final double MIN_RATE = 0.1;
    /** The fastest rate accepted, far above any raised Cognito quota. */
    public static final double MAX_RATE = 10_000;

    /** Every rate multiplied by {@code factor}, as for a sandbox started with that quota scale. */
    public QuotaConfig scaled(double factor) {
        return new QuotaConfig(clientReadPerSecond * factor, clientUpdatePerSecond * factor,
                perOperationAndPoolPerSecond * factor);
    }
}
