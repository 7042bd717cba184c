package dev.cogform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets behind the sandbox's quotas, on a hand-moved clock. */
class QuotasTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private Quotas quotas(double scale) {
        return new Quotas(true, scale, nanos::get);
    }

    private int passes(Quotas q, Operation op, String pool, int calls) {
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            if (q.tryAcquire(op, pool)) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void perOperationAndPool_allowsFiveASecond_butOtherOperationsAndPoolsGoOn() {
        Quotas q = quotas(1);

        assertThat(passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "p1", 8)).isEqualTo(5);
        assertThat(passes(q, Operation.LIST_USER_POOL_CLIENTS, "p1", 1)).isEqualTo(1);
        assertThat(passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "p2", 1)).isEqualTo(1);
    }

    @Test
    void category_allowsFifteenASecond_acrossPools() {
        Quotas q = quotas(1);
        int ok = 0;
        for (int pool = 0; pool < 20; pool++) {
            ok += passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "p" + pool, 1);
        }

        assertThat(ok).isEqualTo(15);
        assertThat(passes(q, Operation.UPDATE_USER_POOL_CLIENT, "p0", 1)).as("other category").isEqualTo(1);
    }

    @Test
    void tokensRefillWithTime() {
        Quotas q = quotas(1);
        assertThat(passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "p", 10)).isEqualTo(5);

        nanos.addAndGet(200_000_000L); // 0.2 s at 5/s = 1 token

        assertThat(passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "p", 10)).isEqualTo(1);
        nanos.addAndGet(10_000_000_000L);
        assertThat(passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "p", 10)).as("capped at one second").isEqualTo(5);
    }

    @Test
    void aRefusedCall_takesNoToken() {
        Quotas q = quotas(1);
        passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "p", 100); // 5 pass, 95 refused per pool

        int ok = 0;
        for (int pool = 0; pool < 20; pool++) {
            ok += passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "other" + pool, 1);
        }
        assertThat(ok).as("15 - 5 category tokens left").isEqualTo(10);
    }

    @Test
    void scale_multipliesEveryRate() {
        Quotas q = quotas(2);

        assertThat(passes(q, Operation.DESCRIBE_USER_POOL_CLIENT, "p", 20)).isEqualTo(10);
        int ok = 0;
        for (int pool = 0; pool < 40; pool++) {
            ok += passes(q, Operation.CREATE_USER_POOL_CLIENT, "p" + pool, 1);
        }
        assertThat(ok).isEqualTo(30);
    }

    @Test
    void poolOperationsHaveOnlyTheCategoryLimit_andOffMeansUnlimited() {
        Quotas q = quotas(1);
        assertThat(passes(q, Operation.DESCRIBE_USER_POOL, "p", 30)).isEqualTo(15);
        assertThat(passes(q, Operation.LIST_IDENTITY_PROVIDERS, "p", 30)).as("resource read: 5/s per pool").isEqualTo(5);
        assertThat(passes(Quotas.off(), Operation.DESCRIBE_USER_POOL_CLIENT, "p", 1000)).isEqualTo(1000);
    }
}
