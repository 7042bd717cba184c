package dev.cogform.core.live.cognito;

import dev.cogform.core.desired.QuotaConfig;

/**
 * One account-region's request-rate budget, shared by every gateway created with it: Cognito's quotas
 * are per account and region, so stacks checked in one process against the same account and region
 * must draw on one budget, not one each.
 */
public final class QuotaBudget {

    private final RateLimiter limiter;

    private QuotaBudget(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** A budget at {@code quotas} (null: Cognito's defaults). */
    public static QuotaBudget of(QuotaConfig quotas) {
        return new QuotaBudget(new RateLimiter(quotas == null ? QuotaConfig.COGNITO_DEFAULT : quotas, Ticker.SYSTEM));
    }

    RateLimiter limiter() {
        return limiter;
    }
}
