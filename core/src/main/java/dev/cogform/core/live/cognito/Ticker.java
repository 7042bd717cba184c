package dev.cogform.core.live.cognito;

/** Time as the rate limiter and the retrier see it, so tests can run them on a fake clock. */
interface Ticker {

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }
    };

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;
}
