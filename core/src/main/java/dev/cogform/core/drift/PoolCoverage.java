package dev.cogform.core.drift;

/** How many of a pool's live clients cogform manages. {@code total} counts every listed client. */
public record PoolCoverage(String poolKey, String poolId, int managed, int total) {

    /** Managed / all, as a percentage with one decimal; 100 for an empty pool. */
    public double percent() {
        return total == 0 ? 100.0 : Math.round(managed * 1000.0 / total) / 10.0;
    }
}
