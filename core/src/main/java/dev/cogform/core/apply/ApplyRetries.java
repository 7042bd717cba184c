package dev.cogform.core.apply;

import dev.cogform.core.state.PendingCreate;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the applier retries a change whose call failed in a way that may pass: up to {@code attempts}
 * calls per change, waiting a full-jitter backoff between them ({@code backoff} doubling up to
 * {@code backoffCap}). A create whose answer never came is in doubt: for a timeout the applier looks
 * for the client every {@code poll} until {@code margin} after the failure (Cognito may still carry it
 * out), for a connection closed without an answer until {@code settle} after it; only then does it
 * create again. {@code pause} waits; tests pass one that returns at once.
 */
public record ApplyRetries(int attempts, Duration backoff, Duration backoffCap, Duration margin, Duration settle,
                           Duration poll, Pause pause) {

    /** Waits; interruptible. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** Six calls per change, backoff from 1 s up to 16 s, the intent's default margin, polls every 5 s. */
    public static final ApplyRetries DEFAULT = new ApplyRetries(6, Duration.ofSeconds(1), Duration.ofSeconds(16),
            PendingCreate.DEFAULT_MARGIN, Duration.ofSeconds(3), Duration.ofSeconds(5),
            d -> Thread.sleep(d.toMillis()));

    public ApplyRetries {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Objects.requireNonNull(pause, "pause");
    }

    /** The same policy with another pause (tests: no waiting). */
    public ApplyRetries withPause(Pause other) {
        return new ApplyRetries(attempts, backoff, backoffCap, margin, settle, poll, other);
    }

    /** The wait before retry {@code retry} (1 = the first): uniform in [0, min(cap, backoff * 2^(retry-1))]. */
    Duration backoffBefore(int retry) {
        double ceiling = Math.min((double) backoffCap.toMillis(), backoff.toMillis() * Math.pow(2, retry - 1));
        return Duration.ofMillis((long) (ThreadLocalRandom.current().nextDouble() * ceiling));
    }
}
