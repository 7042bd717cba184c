package dev.cogform.bench;

import java.util.Map;
import java.util.Set;

/**
 * The request-rate quotas a server enforces, as the floor needs them: a rate per quota category, a
 * rate per (operation, pool) for the categories that also have the per-pool limit, and how many
 * seconds of requests a full bucket holds ({@code burstSeconds}; every bucket holds at least one).
 */
public record QuotaRates(Map<String, Double> perCategory, double perOperationAndPool,
                         Set<String> perPoolCategories, double burstSeconds) {

    public QuotaRates {
        perCategory = Map.copyOf(perCategory);
        perPoolCategories = Set.copyOf(perPoolCategories);
        perCategory.forEach((c, r) -> {
            if (!(r > 0)) {
                throw new IllegalArgumentException("the rate of " + c + " must be above 0, got " + r);
            }
        });
        if (!(perOperationAndPool > 0) || burstSeconds < 0) {
            throw new IllegalArgumentException("the per-pool rate must be above 0 and the burst not negative");
        }
    }

    /**
     * Cognito's default rates (developer guide, "Quotas"; the categories cogform uses) times
     * {@code scale}, with the per-pool limit of 5/s on the UserPoolClient* and UserPoolResource*
     * categories, and buckets of one second's worth that start full: how the sandbox enforces them.
     */
    public static QuotaRates cognito(double scale) {
        return new QuotaRates(Map.of(
                "USER_POOL_READ", 15 * scale,
                "USER_POOL_CLIENT_READ", 15 * scale,
                "USER_POOL_CLIENT_UPDATE", 15 * scale,
                "USER_POOL_RESOURCE_READ", 20 * scale),
                5 * scale,
                Set.of("USER_POOL_CLIENT_READ", "USER_POOL_CLIENT_UPDATE", "USER_POOL_RESOURCE_READ"),
                1);
    }

    /** The rate of {@code category}; fails naming it when the rates do not know it. */
    public double rate(String category) {
        Double rate = perCategory.get(category);
        if (rate == null) {
            throw new IllegalArgumentException("no request rate is known for quota category " + category);
        }
        return rate;
    }

    /** The tokens a full bucket of this rate holds: {@code burstSeconds} of requests, at least one. */
    public double burst(double rate) {
        return Math.max(1, rate * burstSeconds);
    }
}
