package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final FakeTicker ticker = new FakeTicker();

    private static final RuntimeException THROTTLE = new IllegalStateException("throttle");
    private static final RuntimeException CONFLICT = new IllegalArgumentException("conflict");
    private static final RuntimeException FATAL = new UnsupportedOperationException("fatal");

    private Retrier retrier(double random) {
        return new Retrier(ticker, () -> random, e -> e == THROTTLE ? Retrier.Retry.THROTTLED
                : e == CONFLICT ? Retrier.Retry.CONCURRENT_MODIFICATION : null);
    }

    @Test
    void retriesThrottling_thenReturnsTheAnswer() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();

        String answer = retrier(0.5).run(() -> {
            if (calls.incrementAndGet() < 4) {
                throw THROTTLE;
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(calls).hasValue(4);
        assertThat(ticker.sleeps).hasSize(3);
    }

    @Test
    void backoffDoublesUpToTheCap_scaledByTheJitterDraw_untilAttemptsAreSpent() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrier(0.5).run(() -> {
            calls.incrementAndGet();
            throw THROTTLE;
        })).isSameAs(THROTTLE);

        RetryPolicy p = RetryPolicy.THROTTLING;
        assertThat(calls).hasValue(p.maxAttempts());
        assertThat(ticker.sleeps).containsExactly(
                100_000_000L, 200_000_000L, 400_000_000L, 800_000_000L, 1_600_000_000L, 3_200_000_000L,
                5_000_000_000L);
    }

    @Test
    void fullJitter_drawsFromZeroToTheCeiling() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(p.delayNanos(3, () -> 0.0)).isZero();
        assertThat(p.delayNanos(3, () -> 0.999)).isEqualTo((long) (0.999 * 400_000_000L));
        assertThat(p.delayNanos(10, () -> 0.5)).isEqualTo(500_000_000L);
    }

    @Test
    void concurrentModification_hasItsOwnAttemptBudget() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(ticker, () -> 0, e -> e == THROTTLE ? Retrier.Retry.THROTTLED
                : Retrier.Retry.CONCURRENT_MODIFICATION,
                r -> r == Retrier.Retry.THROTTLED ? new RetryPolicy(20, Duration.ZERO, Duration.ZERO)
                        : new RetryPolicy(4, Duration.ZERO, Duration.ZERO));

        assertThatThrownBy(() -> retrier.run(() -> {
            calls.incrementAndGet();
            throw calls.get() % 2 == 0 ? THROTTLE : CONFLICT;
        })).isSameAs(CONFLICT);

        assertThat(calls).as("the 4th conflict ends it; the 3 throttles between did not count against it")
                .hasValue(7);
    }

    @Test
    void otherFailures_areNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrier(0.5).run(() -> {
            calls.incrementAndGet();
            throw FATAL;
        })).isSameAs(FATAL);

        assertThat(calls).hasValue(1);
        assertThat(ticker.sleeps).isEmpty();
    }
}
