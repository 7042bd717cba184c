package dev.cogform.sandbox;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Cognito's request-rate quotas: one token bucket per {@link QuotaCategory} and one per
 * (operation, pool) for the categories that have the per-pool limit. A request passes only when
 * every bucket it belongs to has a token; a refused request takes none.
 */
final class Quotas {

    private final boolean enabled;
    private final double scale;
    private final LongSupplier nanoClock;
    private final Map<QuotaCategory, TokenBucket> categories = new EnumMap<>(QuotaCategory.class);
    private final Map<String, TokenBucket> perOperationAndPool = new HashMap<>();
    private volatile boolean lifted;

    Quotas(boolean enabled, double scale, LongSupplier nanoClock) {
        this.enabled = enabled;
        this.scale = scale;
        this.nanoClock = nanoClock;
    }

    static Quotas off() {
        return new Quotas(false, 1, System::nanoTime);
    }

    /** While lifted, every request passes and no bucket is drawn (nor created). */
    void lift(boolean value) {
        lifted = value;
    }

    /** Takes the tokens for one call of {@code operation} on {@code poolId} (may be null); false when throttled. */
    synchronized boolean tryAcquire(Operation operation, String poolId) {
        if (!enabled || lifted) {
            return true;
        }
        long now = nanoClock.getAsLong();
        QuotaCategory category = operation.category();
        TokenBucket categoryBucket = categories.computeIfAbsent(category,
                c -> new TokenBucket(c.rate() * scale, now));
        TokenBucket poolBucket = null;
        if (category.perPool() && poolId != null) {
            poolBucket = perOperationAndPool.computeIfAbsent(operation.wireName() + "\n" + poolId,
                    k -> new TokenBucket(QuotaCategory.PER_OPERATION_AND_POOL * scale, now));
        }
        boolean categoryOk = categoryBucket.available(now);
        boolean poolOk = poolBucket == null || poolBucket.available(now);
        if (!categoryOk || !poolOk) {
            return false;
        }
        categoryBucket.take();
        if (poolBucket != null) {
            poolBucket.take();
        }
        return true;
    }
}
