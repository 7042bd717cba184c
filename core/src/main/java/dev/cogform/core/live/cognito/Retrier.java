package dev.cogform.core.live.cognito;

import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call, retrying the failures {@code classify} names with that kind's {@link RetryPolicy};
 * any other failure, or the last one once a policy's attempts are spent, is thrown as it is.
 * Each kind counts its own attempts.
 */
final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** Why a failure may be retried. */
    enum Retry {
        THROTTLED(RetryPolicy.THROTTLING),
        CONCURRENT_MODIFICATION(RetryPolicy.CONCURRENT_MODIFICATION);

        private final RetryPolicy policy;

        Retry(RetryPolicy policy) {
            this.policy = policy;
        }
    }

    private final Ticker ticker;
    private final DoubleSupplier random;
    private final Function<RuntimeException, Retry> classify;
    private final Function<Retry, RetryPolicy> policies;

    Retrier(Ticker ticker, DoubleSupplier random, Function<RuntimeException, Retry> classify) {
        this(ticker, random, classify, r -> r.policy);
    }

    Retrier(Ticker ticker, DoubleSupplier random, Function<RuntimeException, Retry> classify,
            Function<Retry, RetryPolicy> policies) {
        this.ticker = ticker;
        this.random = random;
        this.classify = classify;
        this.policies = policies;
    }

    /** The policy applied to {@code retry}, for messages that say how often cogform tried. */
    RetryPolicy policy(Retry retry) {
        return policies.apply(retry);
    }

    /** One attempt of a call; waiting for a rate-limit slot may be interrupted. */
    @FunctionalInterface
    interface Attempt<T> {
        T get() throws InterruptedException;
    }

    <T> T run(Attempt<T> call) throws InterruptedException {
        int throttled = 0;
        int concurrent = 0;
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                Retry retry = classify.apply(e);
                if (retry == null) {
                    throw e;
                }
                int attempts = retry == Retry.THROTTLED ? ++throttled : ++concurrent;
                RetryPolicy policy = policies.apply(retry);
                if (attempts >= policy.maxAttempts()) {
                    throw e;
                }
                long delay = policy.delayNanos(attempts, random);
                LOG.debug("{} (attempt {} of {}): retrying in {}ms", retry, attempts, policy.maxAttempts(),
                        delay / 1_000_000);
                ticker.sleepNanos(delay);
            }
        }
    }
}
