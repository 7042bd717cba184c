package dev.cogform.core.live.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.desired.QuotaConfig;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final FakeTicker ticker = new FakeTicker();

    @Test
    void onePool_isHeldToFivePerSecondPerOperation() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(QuotaConfig.COGNITO_DEFAULT, ticker);
        long start = ticker.nanoTime();

        for (int i = 0; i < 11; i++) {
            limiter.acquire(CognitoOperation.DESCRIBE_USER_POOL_CLIENT, "pool-a");
        }

        assertThat(ticker.nanoTime() - start).isEqualTo(2 * SECOND);
    }

    @Test
    void manyPools_shareTheCategoryRate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(QuotaConfig.COGNITO_DEFAULT, ticker);
        long start = ticker.nanoTime();

        for (int i = 0; i < 31; i++) {
            limiter.acquire(CognitoOperation.DESCRIBE_USER_POOL_CLIENT, "pool-" + i);
        }

        assertThat(ticker.nanoTime() - start).isBetween(2 * SECOND - 10, 2 * SECOND + 10);
    }

    @Test
    void categories_areIndependent() {
        RateLimiter limiter = new RateLimiter(QuotaConfig.COGNITO_DEFAULT, ticker);

        long read = limiter.reserve(CognitoOperation.DESCRIBE_USER_POOL_CLIENT, "p");
        long write = limiter.reserve(CognitoOperation.UPDATE_USER_POOL_CLIENT, "p");
        long idp = limiter.reserve(CognitoOperation.LIST_IDENTITY_PROVIDERS, "p");
        long pools = limiter.reserve(CognitoOperation.LIST_USER_POOLS, null);

        assertThat(new long[] {read, write, idp, pools}).containsOnly(0L);
    }

    @Test
    void operationsOfOneCategory_onOnePool_haveTheirOwnPerPoolBucket() {
        RateLimiter limiter = new RateLimiter(QuotaConfig.COGNITO_DEFAULT, ticker);

        long describe = limiter.reserve(CognitoOperation.DESCRIBE_USER_POOL_CLIENT, "p");
        long list = limiter.reserve(CognitoOperation.LIST_USER_POOL_CLIENTS, "p");

        assertThat(describe).isZero();
        assertThat(list).as("only the category bucket (15/s) delays the second operation")
                .isEqualTo((long) Math.ceil(SECOND / 15.0));
    }

    @Test
    void raisedQuotas_areHonoured() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(new QuotaConfig(50, 50, 25), ticker);
        long start = ticker.nanoTime();

        for (int i = 0; i < 26; i++) {
            limiter.acquire(CognitoOperation.UPDATE_USER_POOL_CLIENT, "p");
        }

        assertThat(ticker.nanoTime() - start).isBetween(SECOND - 10, SECOND + 10);
    }

    @Test
    void zeroRates_areRejectedWithTheirName() {
        assertThatThrownBy(() -> new RateLimiter(new QuotaConfig(0, 15, 5), ticker))
                .hasMessageContaining("USER_POOL_CLIENT_READ");
        assertThatThrownBy(() -> new RateLimiter(new QuotaConfig(15, 15, 0), ticker))
                .hasMessageContaining("per-operation-and-pool");
    }
}
