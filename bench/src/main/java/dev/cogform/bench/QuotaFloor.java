package dev.cogform.bench;

import dev.cogform.core.live.cognito.GatewayMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The least time the quotas allow for the requests made. Every quota is a token bucket of rate
 * {@code r} that starts full with {@code b} tokens, and each request takes one token from each bucket
 * it belongs to (its category's and, where the per-pool limit applies, its (operation, pool)'s).
 * A bucket that admitted {@code n} requests cannot have admitted the last before
 * {@code max(0, (n - b) / r)} seconds from the start, so that is one bound per bucket; all buckets
 * apply at once, so the floor is the largest bound. It is a lower bound: interactions between
 * buckets can only make the true minimum longer, and the wall time also includes the round trip
 * of the last request. Requests answered with TooManyRequests take no token and are not counted.
 *
 * @param seconds the floor: the largest bound
 * @param bounds  one bound per bucket that admitted requests, largest first
 */
public record QuotaFloor(double seconds, List<Bound> bounds) {

    public QuotaFloor {
        bounds = List.copyOf(bounds);
    }

    /**
     * One bucket's bound.
     *
     * @param quota     the category ({@code USER_POOL_CLIENT_READ}) or the operation and pool
     *                  ({@code DescribeUserPoolClient on us-east-1_abc})
     * @param requests  requests the bucket admitted
     * @param perSecond its rate
     * @param burst     the tokens it starts with
     * @param seconds   {@code max(0, (requests - burst) / perSecond)}
     */
    public record Bound(String quota, long requests, double perSecond, double burst, double seconds) {
    }

    /** The floor of the requests in {@code metrics} under {@code rates}. */
    public static QuotaFloor of(GatewayMetrics metrics, QuotaRates rates) {
        Map<String, Long> byCategory = new TreeMap<>();
        List<Bound> bounds = new ArrayList<>();
        for (GatewayMetrics.Requests r : metrics.requests()) {
            if (r.admitted() == 0) {
                continue;
            }
            byCategory.merge(r.category(), r.admitted(), Long::sum);
            if (r.poolId() != null && rates.perPoolCategories().contains(r.category())) {
                bounds.add(bound(r.operation() + " on " + r.poolId(), r.admitted(), rates.perOperationAndPool(), rates));
            }
        }
        byCategory.forEach((category, n) -> bounds.add(bound(category, n, rates.rate(category), rates)));
        bounds.sort(Comparator.comparingDouble(Bound::seconds).reversed().thenComparing(Bound::quota));
        return new QuotaFloor(bounds.isEmpty() ? 0 : bounds.get(0).seconds(), bounds);
    }

    private static Bound bound(String quota, long requests, double rate, QuotaRates rates) {
        double burst = rates.burst(rate);
        return new Bound(quota, requests, rate, burst, Math.max(0, (requests - burst) / rate));
    }

    /** The bound that sets the floor; null when no request was made. */
    public Bound binding() {
        return bounds.isEmpty() ? null : bounds.get(0);
    }
}
