package dev.cogform.sandbox;

/**
 * Cognito's request-rate quota categories with their default rates (requests per second, per
 * account and region). For the client and resource categories, each operation is also limited to
 * {@link #PER_OPERATION_AND_POOL} requests per second for a single user pool (Cognito's quota footnote).
 */
enum QuotaCategory {
    USER_POOL_READ(15, false),
    USER_POOL_UPDATE(15, false),
    USER_POOL_CLIENT_READ(15, true),
    USER_POOL_CLIENT_UPDATE(15, true),
    USER_POOL_RESOURCE_READ(20, true),
    USER_POOL_RESOURCE_UPDATE(15, true);

    static final double PER_OPERATION_AND_POOL = 5;

    private final double rate;
    private final boolean perPool;

    QuotaCategory(double rate, boolean perPool) {
        this.rate = rate;
        this.perPool = perPool;
    }

    double rate() {
        return rate;
    }

    /** Whether each operation of this category is also limited per user pool. */
    boolean perPool() {
        return perPool;
    }
}
