package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void fullBucket_servesAtOnce_thenSpacesByTheRate() {
        TokenBucket b = new TokenBucket(5, 1, 0);

        long first = b.earliest(0);
        b.take(first);
        long second = b.earliest(0);
        b.take(second);
        long third = b.earliest(0);
        b.take(third);

        assertThat(first).isZero();
        assertThat(second).isEqualTo(SECOND / 5);
        assertThat(third).isEqualTo(2 * SECOND / 5);
    }

    @Test
    void idleTime_refillsOnlyUpToCapacity() {
        TokenBucket b = new TokenBucket(10, 3, 0);
        for (int i = 0; i < 3; i++) {
            b.take(b.earliest(0));
        }
        long later = 100 * SECOND;

        int immediate = 0;
        while (b.earliest(later) == later) {
            b.take(later);
            immediate++;
        }

        assertThat(immediate).isEqualTo(3);
    }

    @Test
    void anyWindowOfOneSecond_seesAtMostRatePlusCapacity() {
        TokenBucket b = new TokenBucket(15, 1, 0);
        long[] sent = new long[200];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = b.earliest(0);
            b.take(sent[i]);
        }
        for (int i = 0; i < sent.length; i++) {
            int inWindow = 0;
            for (long t : sent) {
                if (t >= sent[i] && t < sent[i] + SECOND) {
                    inWindow++;
                }
            }
            assertThat(inWindow).isLessThanOrEqualTo(16);
        }
        assertThat(sent[sent.length - 1]).as("200 calls at 15/s take about 13 s").isBetween(13 * SECOND, 14 * SECOND);
    }

    @Test
    void rejectsRatesThatCannotServe() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(5, 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
