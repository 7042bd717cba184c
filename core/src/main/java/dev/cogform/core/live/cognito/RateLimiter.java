package dev.cogform.core.live.cognito;

import dev.cogform.core.desired.QuotaConfig;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps cogform under Cognito's request-rate quotas: one token bucket per quota category, and one
 * per (operation, pool) for the operations Cognito also limits per pool. A call waits until both
 * of its buckets have a token: first its pool's, then its category's. Buckets hold one token, so calls
 * are spaced evenly and no one-second window sees more than the rate plus one.
 */
final class RateLimiter {

    private final QuotaConfig quotas;
    private final Ticker ticker;
    private final Map<QuotaCategory, TokenBucket> categories = new EnumMap<>(QuotaCategory.class);
    private final Map<String, TokenBucket> perPool = new HashMap<>();

    RateLimiter(QuotaConfig quotas, Ticker ticker) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.ticker = ticker;
        for (QuotaCategory c : QuotaCategory.values()) {
            double rate = c.perSecond(quotas);
            if (!(rate > 0)) {
                throw new IllegalArgumentException("the request rate for " + c + " must be above 0, got " + rate);
            }
        }
        if (!(quotas.perOperationAndPoolPerSecond() > 0)) {
            throw new IllegalArgumentException("the per-operation-and-pool rate must be above 0, got "
                    + quotas.perOperationAndPoolPerSecond());
        }
    }

    /**
     * Waits until {@code operation} may be sent for {@code poolId} (null for pool-less operations): first
     * for its (operation, pool) slot, then for a category slot. The category slot is reserved only once
     * the pool slot has come, so a pool with a long queue never holds category slots in the future that
     * other pools could use now (with several pools or stacks sharing one budget, reserving both at once
     * would pace every pool at the slowest pool's rate).
     */
    void acquire(CognitoOperation operation, String poolId) throws InterruptedException {
        if (operation.limitedPerPool() && poolId != null) {
            ticker.sleepNanos(reservePool(operation, poolId));
        }
        ticker.sleepNanos(reserveCategory(operation));
    }

    private synchronized long reservePool(CognitoOperation operation, String poolId) {
        long now = ticker.nanoTime();
        TokenBucket pool = perPool.computeIfAbsent(operation.name() + "\u0000" + poolId,
                k -> new TokenBucket(quotas.perOperationAndPoolPerSecond(), 1, now));
        long when = pool.earliest(now);
        pool.take(when);
        return when - now;
    }

    private synchronized long reserveCategory(CognitoOperation operation) {
        long now = ticker.nanoTime();
        TokenBucket category = categories.computeIfAbsent(operation.category(),
                c -> new TokenBucket(c.perSecond(quotas), 1, now));
        long when = category.earliest(now);
        category.take(when);
        return when - now;
    }

    /** Reserves the next slot and returns how long the caller must wait for it, in nanoseconds. */
    synchronized long reserve(CognitoOperation operation, String poolId) {
        long now = ticker.nanoTime();
        TokenBucket category = categories.computeIfAbsent(operation.category(),
                c -> new TokenBucket(c.perSecond(quotas), 1, now));
        TokenBucket pool = null;
        if (operation.limitedPerPool() && poolId != null) {
            pool = perPool.computeIfAbsent(operation.name() + "\u0000" + poolId,
                    k -> new TokenBucket(quotas.perOperationAndPoolPerSecond(), 1, now));
        }
        long when = category.earliest(now);
        if (pool != null) {
            when = Math.max(when, pool.earliest(now));
            pool.take(when);
        }
        category.take(when);
        return when - now;
    }
}
