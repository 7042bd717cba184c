package dev.cogform.core.live.cognito;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly random
 * time in {@code [0, min(cap, base * 2^(n-1))]}. Full jitter spreads competing clients best
 * (AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    /** Throttling: the bucket refills within a second, so a few short waits usually suffice. */
    static final RetryPolicy THROTTLING = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10));
    /** Another writer on the same pool (outside this process, since ours are serialized). */
    static final RetryPolicy CONCURRENT_MODIFICATION = new RetryPolicy(10, Duration.ofMillis(250), Duration.ofSeconds(5));

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before retry number {@code retry} (1 = the first retry), drawing from {@code random} in [0, 1). */
    long delayNanos(int retry, DoubleSupplier random) {
        double ceiling = Math.min((double) cap.toNanos(), base.toNanos() * Math.pow(2, retry - 1));
        return (long) (random.getAsDouble() * ceiling);
    }
}
