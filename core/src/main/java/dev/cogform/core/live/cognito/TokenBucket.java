package dev.cogform.core.live.cognito;

/**
 * A token bucket that hands out reservations: a caller asks for the earliest instant it may send,
 * and taking a token at that instant may push the bucket's clock into the future, so later callers
 * queue behind earlier ones. Not thread-safe; {@link RateLimiter} guards it.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long at;

    /** A full bucket at {@code now}: {@code perSecond} tokens a second, at most {@code capacity} saved up. */
    TokenBucket(double perSecond, double capacity, long now) {
        if (!(perSecond > 0) || capacity < 1) {
            throw new IllegalArgumentException("rate must be > 0 and capacity >= 1, got " + perSecond + ", " + capacity);
        }
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.capacity = capacity;
        this.tokens = capacity;
        this.at = now;
    }

    /** The earliest instant, not before {@code now}, at which a token is available. */
    long earliest(long now) {
        long from = Math.max(now, at);
        double available = tokensAt(from);
        if (available >= 1) {
            return from;
        }
        return from + (long) Math.ceil((1 - available) / perNano);
    }

    /** Takes one token at {@code when}, which must not be before {@link #earliest}. */
    void take(long when) {
        tokens = tokensAt(when) - 1;
        at = when;
    }

    private double tokensAt(long when) {
        return when <= at ? tokens : Math.min(capacity, tokens + (when - at) * perNano);
    }
}
