package dev.cogform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cogform.core.live.cognito.GatewayMetrics;
import dev.cogform.core.live.cognito.GatewayMetrics.Requests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The floor formula: per bucket max(0, (admitted - burst) / rate), the largest bucket wins. */
class QuotaFloorTest {

    private static final String READ = "USER_POOL_CLIENT_READ";
    private static final String UPDATE = "USER_POOL_CLIENT_UPDATE";

    @Test
    void manyPools_theCategoryBinds_minusItsOneSecondBurst() {
        List<Requests> requests = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            requests.add(new Requests("DescribeUserPoolClient", READ, "p" + p, 20, 0));
            requests.add(new Requests("ListUserPoolClients", READ, "p" + p, 1, 0));
        }

        QuotaFloor floor = QuotaFloor.of(new GatewayMetrics(requests, 0), QuotaRates.cognito(1));

        // 105 reads at 15/s from a full bucket of 15: the last no earlier than (105 - 15) / 15 = 6 s.
        assertThat(floor.seconds()).isCloseTo(6.0, within(1e-9));
        assertThat(floor.binding()).isEqualTo(new QuotaFloor.Bound(READ, 105, 15, 15, 6.0));
        // Each pool's 20 describes at 5/s with a burst of 5: (20 - 5) / 5 = 3 s, below the category's.
        assertThat(floor.bounds()).contains(new QuotaFloor.Bound("DescribeUserPoolClient on p1", 20, 5, 5, 3.0));
        assertThat(floor.bounds()).hasSize(11).isSortedAccordingTo(
                (a, b) -> Double.compare(b.seconds(), a.seconds()));
    }

    @Test
    void onePool_thePerPoolLimitBinds() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(
                new Requests("DescribeUserPoolClient", READ, "p1", 100, 0),
                new Requests("ListUserPoolClients", READ, "p1", 2, 0)), 0);

        QuotaFloor floor = QuotaFloor.of(metrics, QuotaRates.cognito(1));

        // per pool: (100 - 5) / 5 = 19 s; category: (102 - 15) / 15 = 5.8 s. Both apply: the larger is the floor.
        assertThat(floor.seconds()).isCloseTo(19.0, within(1e-9));
        assertThat(floor.binding().quota()).isEqualTo("DescribeUserPoolClient on p1");
        assertThat(floor.bounds()).extracting(QuotaFloor.Bound::quota)
                .containsExactly("DescribeUserPoolClient on p1", READ, "ListUserPoolClients on p1");
    }

    @Test
    void twoPools_theSumOfThePerPoolRatesBinds_notTheCategory() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(
                new Requests("CreateUserPoolClient", UPDATE, "a", 50, 0),
                new Requests("CreateUserPoolClient", UPDATE, "b", 50, 0)), 0);

        QuotaFloor floor = QuotaFloor.of(metrics, QuotaRates.cognito(1));

        assertThat(floor.seconds()).isCloseTo((50 - 5) / 5.0, within(1e-9));
        assertThat(floor.bounds()).filteredOn(b -> b.quota().equals(UPDATE)).singleElement()
                .satisfies(b -> assertThat(b.seconds()).isCloseTo((100 - 15) / 15.0, within(1e-9)));
    }

    @Test
    void quotaScale_multipliesRatesAndBursts() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(new Requests("DescribeUserPoolClient", READ, "p", 105, 0)), 0);

        QuotaFloor floor = QuotaFloor.of(metrics, QuotaRates.cognito(0.5));

        // per pool: 2.5/s, burst 2.5: (105 - 2.5) / 2.5 = 41 s.
        assertThat(floor.seconds()).isCloseTo(41.0, within(1e-9));
        assertThat(floor.binding().burst()).isEqualTo(2.5);
    }

    @Test
    void throttledRequests_takeNoTokenAndAreNotCounted() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(new Requests("DescribeUserPoolClient", READ, "p", 30, 10)), 0);

        QuotaFloor floor = QuotaFloor.of(metrics, QuotaRates.cognito(1));

        assertThat(floor.binding().requests()).isEqualTo(20);
        assertThat(floor.seconds()).isCloseTo((20 - 5) / 5.0, within(1e-9));
    }

    @Test
    void requestsWithinTheFirstBurst_haveNoFloor() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(new Requests("DescribeUserPoolClient", READ, "p", 4, 0)), 0);

        QuotaFloor floor = QuotaFloor.of(metrics, QuotaRates.cognito(1));

        assertThat(floor.seconds()).isZero();
        PhaseResult result = new PhaseResult(BenchOptions.Phase.PLAN, 4, 1, Duration.ofMillis(50), metrics, floor,
                Map.of("no-op", 4L), List.of());
        assertThat(result.ratio()).isEmpty();
    }

    @Test
    void poolLessOperations_haveOnlyTheirCategoryBound() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(new Requests("ListUserPools", "USER_POOL_READ", null, 45, 0)), 0);

        QuotaFloor floor = QuotaFloor.of(metrics, QuotaRates.cognito(1));

        assertThat(floor.bounds()).singleElement().isEqualTo(new QuotaFloor.Bound("USER_POOL_READ", 45, 15, 15, 2.0));
    }

    @Test
    void noBurstCredit_meansEvenlySpacedFromTheFirstRequest() {
        QuotaRates rates = new QuotaRates(Map.of(READ, 10.0), 100, java.util.Set.of(), 0);
        GatewayMetrics metrics = new GatewayMetrics(List.of(new Requests("DescribeUserPoolClient", READ, "p", 11, 0)), 0);

        // A bucket of one token: request k goes at (k - 1) / rate, so the 11th at 1 s.
        assertThat(QuotaFloor.of(metrics, rates).seconds()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void unknownCategory_isNamed() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(new Requests("X", "USER_AUTHENTICATION", null, 1, 0)), 0);

        assertThatThrownBy(() -> QuotaFloor.of(metrics, QuotaRates.cognito(1)))
                .hasMessageContaining("USER_AUTHENTICATION");
    }

    @Test
    void ratio_isWallOverFloor_andCleanMeansNoFailureAndNoError() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(new Requests("DescribeUserPoolClient", READ, "p", 105, 0)), 0);
        QuotaFloor floor = new QuotaFloor(6.0, List.of());

        PhaseResult ok = new PhaseResult(BenchOptions.Phase.PLAN, 100, 5, Duration.ofMillis(7200), metrics, floor,
                Map.of(), List.of());
        PhaseResult failed = new PhaseResult(BenchOptions.Phase.PLAN, 100, 5, Duration.ofMillis(7200),
                new GatewayMetrics(metrics.requests(), 1), floor, Map.of(), List.of());
        PhaseResult errored = new PhaseResult(BenchOptions.Phase.PLAN, 100, 5, Duration.ofMillis(7200), metrics, floor,
                Map.of(), List.of("boom"));

        assertThat(ok.ratio()).hasValueCloseTo(1.2, within(1e-9));
        assertThat(ok.clean()).isTrue();
        assertThat(failed.clean()).isFalse();
        assertThat(errored.clean()).isFalse();
        assertThat(new BenchReport(new BenchOptions(100, 5, 1, BenchOptions.Phase.PLAN), 2, "17",
                List.of(ok, failed)).clean()).isFalse();
    }

    @Test
    void metrics_sumPerOperation() {
        GatewayMetrics metrics = new GatewayMetrics(List.of(
                new Requests("DescribeUserPoolClient", READ, "a", 3, 1),
                new Requests("DescribeUserPoolClient", READ, "b", 4, 0),
                new Requests("ListUserPoolClients", READ, "a", 1, 0)), 2);

        assertThat(metrics.sent()).isEqualTo(8);
        assertThat(metrics.throttled()).isEqualTo(1);
        assertThat(metrics.sentByOperation()).containsExactly(
                Map.entry("DescribeUserPoolClient", 7L), Map.entry("ListUserPoolClients", 1L));
    }
}
