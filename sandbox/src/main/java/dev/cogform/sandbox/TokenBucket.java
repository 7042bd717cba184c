package dev.cogform.sandbox;

/**
 * A token bucket refilled continuously at {@code rate} tokens a second, holding at most one
 * second's worth (at least one token). Not thread-safe; {@link Quotas} guards it.
 */
final class TokenBucket {

    private final double rate;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(double rate, long nowNanos) {
        this.rate = rate;
        this.capacity = Math.max(1, rate);
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Whether a token is available at {@code nowNanos} (after refilling). */
    boolean available(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + rate * elapsed / 1e9);
            lastNanos = nowNanos;
        }
        return tokens >= 1;
    }

    void take() {
        tokens -= 1;
    }
}
