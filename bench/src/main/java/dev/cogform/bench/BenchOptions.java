package dev.cogform.bench;

import java.util.Objects;

/**
 * What to measure: {@code clients} app clients spread evenly over {@code pools} user pools, against a
 * sandbox whose quotas are Cognito's multiplied by {@code quotaScale}; the gateway keeps to the same
 * scaled rates.
 */
public record BenchOptions(int clients, int pools, double quotaScale, Phase phase) {

    /** Cognito's default limit of app clients per user pool. */
    public static final int MAX_CLIENTS_PER_POOL = 1_000;

    /** Which operations are measured. */
    public enum Phase {
        /** Refresh and plan of clients that exist and are all managed (no changes). */
        PLAN,
        /** Refresh, plan and apply of clients that do not exist yet (all creates). */
        APPLY,
        /** {@link #PLAN}, then {@link #APPLY}, each against a fresh sandbox. */
        BOTH;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BenchOptions {
        Objects.requireNonNull(phase, "phase");
        if (clients < 1) {
            throw new IllegalArgumentException("--clients must be at least 1, got " + clients);
        }
        if (pools < 1 || pools > clients) {
            throw new IllegalArgumentException("--pools must be between 1 and the number of clients (" + clients
                    + "), got " + pools);
        }
        if ((clients + pools - 1) / pools > MAX_CLIENTS_PER_POOL) {
            throw new IllegalArgumentException(clients + " clients over " + pools + " pools exceed Cognito's limit of "
                    + MAX_CLIENTS_PER_POOL + " clients per pool; use at least "
                    + ((clients + MAX_CLIENTS_PER_POOL - 1) / MAX_CLIENTS_PER_POOL) + " pools");
        }
        if (!(quotaScale > 0) || Double.isInfinite(quotaScale)) {
            throw new IllegalArgumentException("--quota-scale must be a number above 0 (1 = Cognito's rates), got "
                    + quotaScale);
        }
    }

    public boolean measuresPlan() {
        return phase != Phase.APPLY;
    }

    public boolean measuresApply() {
        return phase != Phase.PLAN;
    }
}
